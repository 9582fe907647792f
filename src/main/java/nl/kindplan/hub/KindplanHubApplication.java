package nl.kindplan.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The kindplan hub: one record and one plan per child between onderwijs and jeugdhulp. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KindplanHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(KindplanHubApplication.class, args);
    }
}
