package dev.attest.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored user accounts. */
public interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);
}
