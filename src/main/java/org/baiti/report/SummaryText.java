package org.baiti.report;

import java.util.Comparator;
import java.util.List;

import org.baiti.contest.Contest;

/** The press-release paragraph in Chinese; every number in it comes from {@link Statistics}. */
final class SummaryText {

    private SummaryText() {
    }

    static String of(Contest contest, Statistics s, List<Winner> awards) {
        long onlineAwards = awards.stream().filter(w -> "online".equals(w.channel())).count();
        long drawAwards = awards.size() - onlineAwards;
        StringBuilder sb = new StringBuilder();
        sb.append("本次").append(contest.name()).append("共有").append(s.totalParticipants()).append("人次参赛，其中线上答题")
                .append(s.onlineParticipants()).append("人、满分").append(s.onlinePerfect()).append("人，线下答题")
                .append(s.offlineParticipants()).append("人、满分").append(s.offlinePerfect()).append("人，按手机号去重后共")
                .append(s.distinctPeople()).append("人参与。");
        sb.append("共评出优秀个人").append(s.individualAwards()).append("名（线上按正确率和用时排名").append(onlineAwards)
                .append("名，线下满分人员中现场公开抽取").append(drawAwards).append("名），优秀组织单位")
                .append(s.organizationAwards()).append("个。");
        s.units().stream().filter(u -> u.participants() > 0).max(Comparator.comparingDouble(Statistics.UnitStat::rate))
                .ifPresent(u -> sb.append("参与率最高的单位是").append(u.name()).append("，参与率")
                        .append(percent(u.rate())).append("。"));
        s.questions().stream().filter(q -> q.answered() > 0).findFirst()
                .ifPresent(q -> sb.append("正确率最低的题目是第").append(q.key()).append("题“").append(shorten(q.stem()))
                        .append("”，正确率").append(percent(q.shareRight())).append("。"));
        return sb.toString();
    }

    static String percent(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String shorten(String stem) {
        return stem.length() <= 30 ? stem : stem.substring(0, 30) + "…";
    }
}
