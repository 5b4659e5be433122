package org.accord;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@Modulithic(systemName = "Accord")
@SpringBootApplication
public class AccordApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccordApplication.class, args);
    }
}
