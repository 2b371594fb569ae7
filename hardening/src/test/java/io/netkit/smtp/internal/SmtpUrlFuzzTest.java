package io.netkit.smtp.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * SMTP's URL handling (in this package: it is internal): the EHLO name curl-style URLs carry in
 * their path ({@code smtp://host/domain}). A URL may be refused only with
 * IllegalArgumentException (UnsafeArgumentException for CR, LF or NUL, decoded or not).
 */
class SmtpUrlFuzzTest {

  @FuzzTest
  void ehloNameFromUrlRefusesOnlyWithIllegalArgument(byte[] input) {
    URI url;
    try {
      url = new URI("smtp:" + new String(input, StandardCharsets.UTF_8));
    } catch (URISyntaxException notAUri) {
      return;
    }
    try {
      SmtpClientProvider.smtpOptions(url);
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }
}
