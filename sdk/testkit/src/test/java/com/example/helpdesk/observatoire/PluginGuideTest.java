package com.example.helpdesk.observatoire;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/plugin-guide.md shows this package's code; each of its Java blocks starting with {@code // file: <path>} must
 * be that file, byte for byte, so that the guide's code is the code that compiles and passes the suite here.
 */
class PluginGuideTest {
    private static final Path ROOT = Path.of("../..");
    private static final Pattern FILE_BLOCK = Pattern.compile("```java\n// file: (\\S+)\n(.*?)```", Pattern.DOTALL);

    @Test
    void theGuidesCodeIsTheCompiledExample() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/plugin-guide.md"));
        Matcher block = FILE_BLOCK.matcher(guide);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            assertThat(block.group(2)).as("the guide's copy of %s", block.group(1))
                    .isEqualTo(Files.readString(ROOT.resolve(block.group(1))));
        }
        assertThat(blocks).as("code blocks of the guide naming their file").isEqualTo(3);
    }
}
