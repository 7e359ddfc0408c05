package org.baiti.online;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.baiti.GroupCommit;
import org.baiti.online.OnlineFixtures.Known;
import org.baiti.testing.Api;
import org.baiti.testing.App;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts and submits go through group commit: many at once are all acknowledged, and each is durable (readable from
 * a connection of its own, outside the application's pool) at the moment its answer arrives.
 */
interface SubmitDurabilityContract extends App {

    default DataSource dataSource() {
        return bean(DataSource.class);
    }

    default GroupCommit groupCommit() {
        return bean(GroupCommit.class);
    }

    /** What a fresh connection reads of an attempt: submitted_at, score, and the attempt its person's entry holds. */
    record Stored(Long submittedAt, Integer score, String rankedAttempt) {
    }

    /**
     * Fresh connections open at once: 64 at a time, beside the pools of the test contexts still alive, could pass
     * PostgreSQL's {@code max_connections} on a busy machine.
     */
    java.util.concurrent.Semaphore FRESH_CONNECTIONS = new java.util.concurrent.Semaphore(8);

    private Stored read(String attemptId) throws Exception {
        FRESH_CONNECTIONS.acquire();
        try {
            return readFresh(attemptId);
        } finally {
            FRESH_CONNECTIONS.release();
        }
    }

    private Stored readFresh(String attemptId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             PreparedStatement ps = c.prepareStatement("""
                     SELECT a.submitted_at, a.score, r.attempt_id FROM attempt a
                     LEFT JOIN ranking_entry r ON r.contest_id = a.contest_id AND r.phone = a.phone
                     WHERE a.id = ?
                     """)) {
            ps.setString(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long at = rs.getLong(1);
                Long submittedAt = rs.wasNull() ? null : at;
                int score = rs.getInt(2);
                return new Stored(submittedAt, rs.wasNull() ? null : score, rs.getString(3));
            }
        }
    }

    @Test
    default void sixtyFourParticipantsStartingAndSubmittingAtOnceAreAllAcknowledgedAndDurableWhenAnswered()
            throws Exception {
        Map<String, Known> bank = OnlineFixtures.bank(12);
        long id = OnlineFixtures.contest(api().admin(), bank, Map.of("questionsPerPaper", 8, "paperMode", "RANDOM"));
        long writesBefore = groupCommit().stats()[0];
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int p = 0; p < 64; p++) {
            int n = p;
            tasks.add(() -> {
                go.await();
                String phone = String.format("137%08d", 500 + n);
                Api.Response started = api().postJson("/api/contests/" + id + "/attempts",
                        OnlineFixtures.person("并发" + n, phone, "U1"));
                assertThat(started.status()).as(started.body()).isEqualTo(201);
                String attemptId = started.json().get("attemptId").asString();
                // acknowledged: the attempt is in the database for anyone to read
                assertThat(read(attemptId)).as("attempt row right after 201").isNotNull();

                Random random = new Random(n);
                Map<String, List<String>> answers = new LinkedHashMap<>();
                for (JsonNode q : started.json().get("questions")) {
                    Known k = bank.get(q.get("id").asString());
                    answers.put(k.id(), OnlineFixtures.answer(q, k, random.nextBoolean(), random));
                }
                Api.Response submitted = api().postJson("/api/attempts/" + attemptId + "/submit",
                        Map.of("answers", answers), started.json().get("token").asString());
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
                Stored stored = read(attemptId);
                assertThat(stored.submittedAt()).as("submitted_at right after 200").isNotNull();
                assertThat(stored.score()).isEqualTo(submitted.json().get("score").asInt());
                assertThat(stored.rankedAttempt()).as("ranking entry right after 200").isEqualTo(attemptId);
                assertThat(submitted.json().get("rank").asLong()).isBetween(1L, 64L);
                return attemptId;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        Set<String> attempts = new HashSet<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> t : tasks) {
                futures.add(pool.submit(t));
            }
            go.countDown();
            for (Future<String> f : futures) {
                attempts.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts).hasSize(64);
        assertThat(groupCommit().stats()[0] - writesBefore).as("starts and submits through group commit")
                .isGreaterThanOrEqualTo(128);
        JsonNode ranking = api().get("/api/contests/" + id + "/ranking?limit=100").json();
        assertThat(ranking).hasSize(64);
        for (int i = 0; i < 64; i++) {
            assertThat(ranking.get(i).get("rank").asInt()).isEqualTo(i + 1);
        }
    }
}
