package dev.attest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;

/**
 * Attest: a case-management workflow engine for compliance reviewers.
 */
@SpringBootApplication
@EnableScheduling
@Theme("attest")
public class AttestApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AttestApplication.class, args);
    }
}
