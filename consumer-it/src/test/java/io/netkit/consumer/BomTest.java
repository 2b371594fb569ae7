package io.netkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM cannot drift from the build: it lists every artifact the reactor publishes for users, at
 * the reactor's version, and the docs show the very snippet the consumer build (src/it) uses.
 */
class BomTest {
  /**
   * The published artifacts are the reactor's modules under {@code modules/}; the others (bom
   * itself, examples, interop, hardening, consumer-it, ...) are not for users.
   */
  private static final String PUBLISHED = "modules/";

  /** A module name as the JDK takes it: dot-separated Java identifiers. */
  private static final Pattern MODULE_NAME =
      Pattern.compile("io\\.netkit(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)+");

  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

  @Test
  void listsEveryLibraryModuleOfTheReactorAndNothingElse() throws Exception {
    Set<String> modules = new TreeSet<>();
    for (String module : children(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
      if (module.startsWith(PUBLISHED)) {
        modules.add(text(pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId"));
      }
    }
    Set<String> listed = new TreeSet<>();
    for (Element dependency : managed(pom(ROOT.resolve("bom/pom.xml")))) {
      assertEquals("io.netkit", text(dependency, "groupId"));
      assertEquals("${project.version}", text(dependency, "version"));
      listed.add(text(dependency, "artifactId"));
    }
    assertEquals(modules, listed);
  }

  @Test
  void everyPublishedModuleNamesItsJavaModule() throws Exception {
    Set<String> names = new TreeSet<>();
    for (String module : children(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
      if (module.startsWith(PUBLISHED)) {
        Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
        List<String> name = children(project, "properties", "netkit.module.name");
        assertEquals(1, name.size(), module + " sets netkit.module.name (its Automatic-Module-Name)");
        assertTrue(MODULE_NAME.matcher(name.get(0)).matches(), module + ": " + name.get(0));
        assertTrue(names.add(name.get(0)), "two modules are named " + name.get(0));
      }
    }
  }

  @Test
  void hasTheParentsVersionAndNoParentOfItsOwn() throws Exception {
    Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
    Element bom = pom(ROOT.resolve("bom/pom.xml")).getDocumentElement();
    assertEquals(text(parent, "version"), text(bom, "version"));
    assertTrue(bom.getElementsByTagName("parent").getLength() == 0, "the BOM would pass on the parent's pins");
  }

  @Test
  void docsShowTheSnippetTheConsumerBuildUses() throws IOException {
    String consumer = Files.readString(ROOT.resolve("consumer-it/src/it/gopher-fetch/pom.xml"));
    Matcher bom =
        Pattern.compile("( *<dependency>\\s*<groupId>io.netkit</groupId>\\s*<artifactId>netkit-bom</artifactId>.*?</dependency>)", Pattern.DOTALL)
            .matcher(consumer);
    assertTrue(bom.find(), "the consumer imports the BOM");
    String docs = Files.readString(ROOT.resolve("docs/using-netkit.md"));
    assertTrue(
        normalized(docs).contains(normalized(bom.group(1))),
        "docs/using-netkit.md shows the consumer's import:\n" + bom.group(1));
  }

  private static String normalized(String xml) {
    return xml.replaceAll("\\s+", " ");
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  /** The texts of {@code <parent><child>...} directly under {@code root}. */
  private static List<String> children(Element root, String parent, String child) {
    List<String> texts = new ArrayList<>();
    for (Element p : direct(root, parent)) {
      for (Element c : direct(p, child)) {
        texts.add(c.getTextContent().trim());
      }
    }
    return texts;
  }

  private static List<Element> managed(Document pom) {
    List<Element> dependencies = new ArrayList<>();
    for (Element management : direct(pom.getDocumentElement(), "dependencyManagement")) {
      for (Element list : direct(management, "dependencies")) {
        dependencies.addAll(direct(list, "dependency"));
      }
    }
    return dependencies;
  }

  private static String text(Element element, String child) {
    List<Element> found = direct(element, child);
    assertEquals(1, found.size(), "one <" + child + "> in <" + element.getTagName() + ">");
    return found.get(0).getTextContent().trim();
  }

  private static List<Element> direct(Element element, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
        found.add((Element) nodes.item(i));
      }
    }
    return found;
  }
}
