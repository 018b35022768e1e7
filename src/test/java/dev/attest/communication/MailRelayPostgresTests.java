package dev.attest.communication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link MailRelayTests} on PostgreSQL, where production's nodes share the outbox: the same claims, skips and
 * schedule. Runs when {@code ATTEST_TEST_POSTGRES_URL} names a server ({@code jdbc:postgresql://127.0.0.1:5432/});
 * the database {@code attest_mail_relay} is made afresh.
 */
@EnabledIfEnvironmentVariable(named = "ATTEST_TEST_POSTGRES_URL", matches = ".+")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class MailRelayPostgresTests extends MailRelayTests {

    static final String DATABASE = "attest_mail_relay";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String server = System.getenv("ATTEST_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> server + DATABASE);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "create");
    }
}
