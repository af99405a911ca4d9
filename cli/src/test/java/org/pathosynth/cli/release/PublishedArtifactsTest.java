package org.pathosynth.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Published like an SDK: the BOM lists every published module at the project's version, every module names its Java
 * module, and the parent pom carries what a public Maven repository requires.
 */
class PublishedArtifactsTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> UNPUBLISHED = List.of("bench");

    private static String read(Path p) throws Exception {
        return Files.readString(p);
    }

    private static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theBomAlignsEveryPublishedModule() throws Exception {
        String parent = read(ROOT.resolve("pom.xml"));
        String bom = read(ROOT.resolve("bom/pom.xml"));
        String version = all(parent, "<artifactId>pathosynth-parent</artifactId>\\s*<version>([^<]+)</version>").get(0);
        assertThat(all(bom, "<artifactId>pathosynth-bom</artifactId>\\s*<version>([^<]+)</version>")).containsExactly(version);
        assertThat(bom).doesNotContain("<parent>"); // importing it must not import the parent's third-party versions
        List<String> listed = all(bom, "<artifactId>(pathosynth-[a-z0-9-]+)</artifactId>\\s*<version>\\$\\{project.version}</version>");
        for (String module : all(parent, "<module>([^<]+)</module>")) {
            if (module.equals("bom") || UNPUBLISHED.contains(module)) {
                continue;
            }
            String artifact = all(read(ROOT.resolve(module).resolve("pom.xml")), "</parent>\\s*<artifactId>([^<]+)</artifactId>").get(0);
            assertThat(listed).as("the BOM lists %s", artifact).contains(artifact);
        }
    }

    @Test
    void everyModuleNamesItsJavaModuleAndThePomCarriesLicenceScmAndDevelopers() throws Exception {
        String parent = read(ROOT.resolve("pom.xml"));
        for (String module : all(parent, "<module>([^<]+)</module>")) {
            if (!module.equals("bom")) {
                assertThat(read(ROOT.resolve(module).resolve("pom.xml"))).as(module)
                        .containsPattern("<automatic.module.name>org\\.pathosynth(\\.[a-z0-9]+)*</automatic.module.name>");
            }
        }
        assertThat(parent).contains("<licenses>", "Apache License, Version 2.0", "<scm>", "<developers>", "maven-source-plugin",
                "maven-javadoc-plugin", "<Automatic-Module-Name>");
        // the javadoc jars come with -Prelease; every build checks the doc comments as it compiles
        assertThat(parent.substring(parent.indexOf("<profiles>"))).contains("<id>release</id>", "<id>attach-javadocs</id>");
        assertThat(parent).contains("<arg>-Xdoclint:all,-missing</arg>");
        assertThat(read(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
    }
}
