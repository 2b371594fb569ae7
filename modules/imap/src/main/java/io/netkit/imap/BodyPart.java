package io.netkit.imap;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a message's BODYSTRUCTURE: a leaf part (text, an attachment) or a multipart holding
 * others. Immutable.
 *
 * @param section the part's section number for {@link ImapRequest.FetchBody} ({@code "1"}, {@code
 *     "1.2"}); the top of a multipart message has the empty section, the body of a single-part
 *     message is {@code "1"}
 * @param type the MIME type, lower case ({@code text}, {@code multipart})
 * @param subtype the MIME subtype, lower case ({@code plain}, {@code mixed})
 * @param parameters the content-type parameters, names in lower case ({@code charset}, {@code
 *     name}, {@code boundary})
 * @param encoding the content transfer encoding, lower case ({@code base64}); empty for multiparts
 * @param size the size of the encoded content in bytes, or -1 for multiparts
 * @param disposition the content disposition, lower case ({@code attachment}), or empty
 * @param dispositionParameters the disposition's parameters ({@code filename}), names lower case
 * @param parts the parts of a multipart, in order; empty for a leaf
 */
public record BodyPart(
    String section,
    String type,
    String subtype,
    Map<String, String> parameters,
    String encoding,
    long size,
    String disposition,
    Map<String, String> dispositionParameters,
    List<BodyPart> parts) {
  /** Copies the maps and list. */
  public BodyPart {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(disposition, "disposition");
    dispositionParameters = Map.copyOf(dispositionParameters);
    parts = List.copyOf(parts);
  }

  /** {@code type/subtype}. */
  public String mimeType() {
    return type + "/" + subtype;
  }

  /** True for a {@code multipart/*}. */
  public boolean isMultipart() {
    return type.equals("multipart");
  }

  /** The file name: the disposition's {@code filename}, else the type's {@code name}. */
  public Optional<String> fileName() {
    String name = dispositionParameters.get("filename");
    return Optional.ofNullable(name != null ? name : parameters.get("name"));
  }

  /** This part and every part below it, depth first. */
  public List<BodyPart> flatten() {
    java.util.List<BodyPart> all = new java.util.ArrayList<>();
    all.add(this);
    for (BodyPart part : parts) {
      all.addAll(part.flatten());
    }
    return List.copyOf(all);
  }

  /** The part with this section number, searching this part and below. */
  public Optional<BodyPart> find(String wanted) {
    String key = wanted.toLowerCase(Locale.ROOT);
    return flatten().stream().filter(p -> p.section.equalsIgnoreCase(key)).findFirst();
  }
}
