package io.netkit.imap.internal;

import io.netkit.imap.Address;
import io.netkit.imap.BodyPart;
import io.netkit.imap.Envelope;
import io.netkit.imap.ImapFlags;
import jakarta.mail.Flags;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.ENVELOPE;

/** Angus's parsed items (FLAGS, ENVELOPE, BODYSTRUCTURE) as this module's values. Stateless. */
final class Conversions {
  private Conversions() {}

  /** Flags as IMAP spells them. */
  static Set<String> flags(Flags flags) {
    Set<String> out = new LinkedHashSet<>();
    if (flags == null) {
      return out;
    }
    for (Flags.Flag f : flags.getSystemFlags()) {
      if (f == Flags.Flag.SEEN) {
        out.add(ImapFlags.SEEN);
      } else if (f == Flags.Flag.ANSWERED) {
        out.add(ImapFlags.ANSWERED);
      } else if (f == Flags.Flag.FLAGGED) {
        out.add(ImapFlags.FLAGGED);
      } else if (f == Flags.Flag.DELETED) {
        out.add(ImapFlags.DELETED);
      } else if (f == Flags.Flag.DRAFT) {
        out.add(ImapFlags.DRAFT);
      } else if (f == Flags.Flag.RECENT) {
        out.add(ImapFlags.RECENT);
      }
    }
    Collections.addAll(out, flags.getUserFlags());
    return out;
  }

  /** Checked flag strings as Angus's {@link Flags}. */
  static Flags toFlags(Set<String> flags) {
    Flags out = new Flags();
    for (String flag : flags) {
      switch (flag) {
        case ImapFlags.SEEN -> out.add(Flags.Flag.SEEN);
        case ImapFlags.ANSWERED -> out.add(Flags.Flag.ANSWERED);
        case ImapFlags.FLAGGED -> out.add(Flags.Flag.FLAGGED);
        case ImapFlags.DELETED -> out.add(Flags.Flag.DELETED);
        case ImapFlags.DRAFT -> out.add(Flags.Flag.DRAFT);
        case ImapFlags.RECENT -> out.add(Flags.Flag.RECENT);
        default -> out.add(flag);
      }
    }
    return out;
  }

  /** A flag list atom, {@code (\Seen Work)}: the flags are checked atoms. */
  static String flagList(Set<String> flags) {
    return "(" + String.join(" ", flags) + ")";
  }

  static Envelope envelope(ENVELOPE e) {
    if (e == null) {
      return new Envelope(null, "", List.of(), List.of(), List.of(), "", "");
    }
    return new Envelope(
        e.date == null ? null : e.date.toInstant(),
        decode(e.subject),
        addresses(e.from),
        addresses(e.to),
        addresses(e.cc),
        e.messageId == null ? "" : e.messageId,
        e.inReplyTo == null ? "" : e.inReplyTo);
  }

  private static List<Address> addresses(InternetAddress[] list) {
    List<Address> out = new ArrayList<>();
    if (list != null) {
      for (InternetAddress a : list) {
        out.add(new Address(a.getPersonal() == null ? "" : a.getPersonal(),
            a.getAddress() == null ? "" : a.getAddress()));
      }
    }
    return out;
  }

  /** RFC 2047 encoded words decoded; the raw text when they are malformed. */
  static String decode(String text) {
    if (text == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(text);
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return text;
    }
  }

  /** A BODYSTRUCTURE as a tree of parts; {@code section} is the node's own section. */
  static BodyPart structure(BODYSTRUCTURE bs, String section) {
    List<BodyPart> parts = new ArrayList<>();
    if (bs.isMulti() && bs.bodies != null) {
      for (int i = 0; i < bs.bodies.length; i++) {
        parts.add(structure(bs.bodies[i], child(section, i + 1)));
      }
    } else if (bs.isNested() && bs.bodies != null && bs.bodies.length > 0) {
      BODYSTRUCTURE inner = bs.bodies[0];
      if (inner.isMulti() && inner.bodies != null) {
        for (int i = 0; i < inner.bodies.length; i++) {
          parts.add(structure(inner.bodies[i], child(section, i + 1)));
        }
      } else {
        parts.add(structure(inner, child(section, 1)));
      }
    }
    return new BodyPart(
        section,
        lower(bs.type),
        lower(bs.subtype),
        parameters(bs.cParams),
        bs.isMulti() ? "" : lower(bs.encoding),
        bs.isMulti() ? -1 : bs.size,
        lower(bs.disposition),
        parameters(bs.dParams),
        parts);
  }

  /** The section of the top node: a single-part message's body is part 1. */
  static String topSection(BODYSTRUCTURE bs) {
    return bs.isMulti() ? "" : "1";
  }

  private static String child(String section, int index) {
    return section.isEmpty() ? Integer.toString(index) : section + "." + index;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> parameters(ParameterList list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list != null) {
      for (Enumeration<String> names = list.getNames(); names.hasMoreElements(); ) {
        String name = names.nextElement();
        String value = list.get(name);
        if (name != null && value != null) {
          out.put(name.toLowerCase(Locale.ROOT), value);
        }
      }
    }
    return out;
  }
}
