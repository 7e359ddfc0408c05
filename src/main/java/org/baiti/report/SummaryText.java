package org.baiti.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.baiti.contest.Contest;
import org.baiti.web.Figures;
import org.springframework.context.MessageSource;

/**
 * The press-release paragraph, in one language. Every figure in it is taken from {@link Statistics} and shown through
 * {@link Figures}, the same way the dashboard's table beside it shows them (percent with one decimal, counts with
 * thousands separators, seconds with one decimal), so the paragraph and the table never disagree on a rounding.
 */
final class SummaryText {

    private static final int STEM_LENGTH = 30;

    private SummaryText() {
    }

    static String of(Contest contest, Statistics s, List<Winner> awards, Figures figures, MessageSource messages,
                     Locale locale) {
        long onlineAwards = awards.stream().filter(w -> "online".equals(w.channel())).count();
        long drawAwards = awards.size() - onlineAwards;
        List<String> sentences = new ArrayList<>();
        sentences.add(messages.getMessage("summary.participation", new Object[] {contest.name(),
                figures.count(s.totalParticipants()), figures.count(s.onlineParticipants()),
                figures.count(s.onlinePerfect()), figures.count(s.offlineParticipants()),
                figures.count(s.offlinePerfect()), figures.count(s.distinctPeople())}, locale));
        sentences.add(messages.getMessage("summary.awards", new Object[] {figures.count(s.individualAwards()),
                figures.count(onlineAwards), figures.count(drawAwards), figures.count(s.organizationAwards())}, locale));
        awards.stream().filter(w -> "online".equals(w.channel())).findFirst()
                .ifPresent(w -> sentences.add(messages.getMessage("summary.bestOnline", new Object[] {
                        figures.percent(w.accuracy()), figures.seconds(w.durationMs())}, locale)));
        highestRate(s).ifPresent(u -> sentences.add(messages.getMessage("summary.highestRate",
                new Object[] {u.name(), figures.percent(u.rate())}, locale)));
        s.questions().stream().filter(q -> q.answered() > 0).findFirst()
                .ifPresent(q -> sentences.add(messages.getMessage("summary.hardestQuestion", new Object[] {q.key(),
                        shorten(q.stem()), figures.percent(q.right(), q.answered())}, locale)));
        // Chinese sentences follow each other directly after "。"; English ones after a space.
        return String.join("en".equals(locale.getLanguage()) ? " " : "", sentences);
    }

    /** The top-level unit with the highest participation rate among those with participants (first in tree order). */
    static java.util.Optional<Statistics.UnitStat> highestRate(Statistics s) {
        return s.units().stream().filter(u -> u.participants() > 0)
                .max(Comparator.comparingDouble(Statistics.UnitStat::rate));
    }

    private static String shorten(String stem) {
        return stem.codePointCount(0, stem.length()) <= STEM_LENGTH ? stem
                : stem.substring(0, stem.offsetByCodePoints(0, STEM_LENGTH)) + "…";
    }
}
