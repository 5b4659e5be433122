package org.accord.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the fictional city 示例市 into an empty directory, through the same import that users
 * run, so the demo files are also a worked example of the import format.
 */
@Component
@Profile("demo")
@Order(10)
class DemoDirectory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final Units units;
    private final DirectoryImports imports;

    DemoDirectory(Units units, DirectoryImports imports) {
        this.units = units;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (units.count() > 0) {
            return;
        }
        ImportPreview result = imports.importNow(files(), ImportMode.MERGE);
        if (!result.valid()) {
            throw new IllegalStateException("The demo directory does not import: " + result.errors());
        }
        log.info(
                "Demo directory loaded: {} units, {} people",
                result.units().added(),
                result.people().added());
    }

    static List<DirectoryFileReader.Upload> files() throws IOException {
        return List.of(upload("units.csv"), upload("people.csv"));
    }

    private static DirectoryFileReader.Upload upload(String name) throws IOException {
        try (InputStream in = new ClassPathResource("directory/demo/" + name).getInputStream()) {
            return new DirectoryFileReader.Upload(name, in.readAllBytes());
        }
    }
}
