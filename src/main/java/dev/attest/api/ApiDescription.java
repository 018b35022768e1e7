package dev.attest.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The OpenAPI description's heading: what every endpoint has in common (authentication and error answers), so a
 * client reads it once instead of at each operation.
 */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI attestApi() {
        return new OpenAPI().info(new Info().title("Attest API").version("v1").description("""
                HTTP Basic credentials of an Attest user on every call; no session. Errors are RFC 9457 \
                `application/problem+json` (`type`, `title`, `status`, `detail`; 400s name every bad field under \
                `errors`): 401 without valid credentials (before anything else), 403 when the role does not allow \
                the call, 404 for a path under `/api` that no endpoint serves (any method, any letter case), 405 \
                with `Allow` for a known path called with another method."""));
    }
}
