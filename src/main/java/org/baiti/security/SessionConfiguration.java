package org.baiti.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Staff page sessions are in the database (Spring Session JDBC, tables from migration V44) so that every node serves
 * every signed-in staff member. Two requests of one session at once (a page and its progress poll, perhaps on two
 * nodes) may both add the same attribute: it is written with {@code INSERT ... ON CONFLICT ... DO UPDATE}, which
 * PostgreSQL and SQLite both understand, instead of failing on the duplicate key.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
