package org.baiti.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.baiti.identity.internal.AliyunSmsSender;
import org.baiti.identity.internal.DevelopmentSmsSender;
import org.baiti.identity.internal.SmsProperties;
import org.baiti.identity.internal.SmsSender;
import org.baiti.identity.internal.TencentSmsSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Alibaba Cloud and Tencent Cloud SMS adapters, through their official SDKs, against a local fake of each provider:
 * the request the SDK sends (signature recomputed from the request and the test's secret; phone, sign, template and
 * code), and the provider's success and errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmsProvidersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PHONE = "13800000000";

    private FakeSmsProvider fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private AliyunSmsSender aliyun(FakeSmsProvider f) {
        return new AliyunSmsSender(new SmsProperties(new SmsProperties.Aliyun(f.endpoint(), "HTTP", "LTAI5tTestAccessKey",
                "test-aliyun-secret", "百题竞赛", "SMS_154950909", "code"), tencentUnused(), Duration.ofSeconds(5)));
    }

    private TencentSmsSender tencent(FakeSmsProvider f) {
        return new TencentSmsSender(new SmsProperties(aliyunUnused(), new SmsProperties.Tencent(f.endpoint(), "http://",
                "ap-guangzhou", "AKIDtestSecretId", "test-tencent-secret-key", "1400006666", "百题竞赛", "449739"),
                Duration.ofSeconds(5)));
    }

    private static SmsProperties.Tencent tencentUnused() {
        return new SmsProperties.Tencent("sms.tencentcloudapi.com", "https://", "ap-guangzhou", null, null, null, null, null);
    }

    private static SmsProperties.Aliyun aliyunUnused() {
        return new SmsProperties.Aliyun("dysmsapi.aliyuncs.com", "HTTPS", null, null, null, null, "code");
    }

    @Test
    void aliyunSendsASignedSendSmsWithThePhoneTheSignTheTemplateAndTheCode() {
        fake = FakeSmsProvider.aliyun();
        aliyun(fake).send(PHONE, "482915");

        assertThat(fake.received()).hasSize(1);
        FakeSmsProvider.Received r = fake.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("x-acs-action")).isEqualTo("SendSms");
        assertThat(r.header("x-acs-version")).isEqualTo("2017-05-25");
        assertThat(r.header("host")).isEqualTo(fake.endpoint());
        Map<String, String> q = r.query();
        assertThat(q).containsEntry("PhoneNumbers", PHONE).containsEntry("SignName", "百题竞赛")
                .containsEntry("TemplateCode", "SMS_154950909");
        assertThat(JSON.readTree(q.get("TemplateParam")).get("code").asString()).isEqualTo("482915");

        List<String> auth = FakeSmsProvider.acs3Parts(r);
        assertThat(auth.get(0)).isEqualTo("LTAI5tTestAccessKey");
        assertThat(auth.get(1).split(";")).contains("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
                "x-acs-signature-nonce", "x-acs-version");
        assertThat(r.header("x-acs-content-sha256")).isEqualTo(FakeSmsProvider.sha256Hex(r.body()));
        assertThat(FakeSmsProvider.acs3Signature(r, "test-aliyun-secret")).as("ACS3-HMAC-SHA256 recomputed")
                .isEqualTo(auth.get(2));
        assertThat(FakeSmsProvider.acs3Signature(r, "another-secret")).isNotEqualTo(auth.get(2));
        assertThat(Instant.parse(r.header("x-acs-date"))).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    @Test
    void anAliyunErrorBecomesAFailureNamingTheProvidersCode() {
        fake = FakeSmsProvider.aliyun();
        fake.answerNext(200, FakeSmsProvider.ALIYUN_LIMITED);
        AliyunSmsSender sender = aliyun(fake);
        assertThatThrownBy(() -> sender.send(PHONE, "111111")).isInstanceOf(SmsSender.SmsFailure.class)
                .satisfies(e -> assertThat(((SmsSender.SmsFailure) e).providerCode()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL"))
                .hasMessageContaining("流控");
        fake.answerNext(400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched\",\"RequestId\":\"X\"}");
        assertThatThrownBy(() -> sender.send(PHONE, "111111")).isInstanceOf(SmsSender.SmsFailure.class)
                .satisfies(e -> assertThat(((SmsSender.SmsFailure) e).providerCode()).isEqualTo("SignatureDoesNotMatch"));
        assertThat(fake.received()).as("no retry: a retried SendSms can deliver two codes").hasSize(2);
        sender.send(PHONE, "222222");
    }

    @Test
    void tencentSendsASignedSendSmsWithThePhoneTheAppTheSignTheTemplateAndTheCode() {
        fake = FakeSmsProvider.tencent();
        tencent(fake).send(PHONE, "730114");

        assertThat(fake.received()).hasSize(1);
        FakeSmsProvider.Received r = fake.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.header("X-TC-Action")).isEqualTo("SendSms");
        assertThat(r.header("X-TC-Version")).isEqualTo("2021-01-11");
        assertThat(r.header("X-TC-Region")).isEqualTo("ap-guangzhou");
        JsonNode body = JSON.readTree(r.bodyText());
        assertThat(body.get("PhoneNumberSet").get(0).asString()).isEqualTo("+86" + PHONE);
        assertThat(body.get("SmsSdkAppId").asString()).isEqualTo("1400006666");
        assertThat(body.get("SignName").asString()).isEqualTo("百题竞赛");
        assertThat(body.get("TemplateId").asString()).isEqualTo("449739");
        assertThat(body.get("TemplateParamSet")).hasSize(1);
        assertThat(body.get("TemplateParamSet").get(0).asString()).isEqualTo("730114");

        List<String> auth = FakeSmsProvider.tc3Parts(r);
        assertThat(auth.get(0)).isEqualTo("AKIDtestSecretId");
        assertThat(auth.get(3)).isEqualTo("content-type;host");
        assertThat(FakeSmsProvider.tc3Signature(r, "test-tencent-secret-key")).as("TC3-HMAC-SHA256 recomputed")
                .isEqualTo(auth.get(4));
        assertThat(FakeSmsProvider.tc3Signature(r, "another-key")).isNotEqualTo(auth.get(4));
        assertThat(Long.parseLong(r.header("X-TC-Timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.api.Assertions.within(60L));
    }

    @Test
    void tencentErrorsBecomeFailuresNamingTheProvidersCode() {
        fake = FakeSmsProvider.tencent();
        TencentSmsSender sender = tencent(fake);
        fake.answerNext(200, FakeSmsProvider.TENCENT_NUMBER_LIMIT);
        assertThatThrownBy(() -> sender.send(PHONE, "111111")).isInstanceOf(SmsSender.SmsFailure.class)
                .satisfies(e -> assertThat(((SmsSender.SmsFailure) e).providerCode()).isEqualTo("LimitExceeded.PhoneNumberDailyLimit"));
        fake.answerNext(200, FakeSmsProvider.TENCENT_AUTH_FAILURE);
        assertThatThrownBy(() -> sender.send(PHONE, "111111")).isInstanceOf(SmsSender.SmsFailure.class)
                .satisfies(e -> assertThat(((SmsSender.SmsFailure) e).providerCode()).isEqualTo("AuthFailure.SignatureFailure"));
        sender.send(PHONE, "222222");
        assertThat(fake.received()).hasSize(3);
    }

    @Test
    void anAdapterWithoutKeysRefusesToStart() {
        SmsProperties none = new SmsProperties(aliyunUnused(), tencentUnused(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> new AliyunSmsSender(none)).hasMessageContaining("baiti.sms.aliyun.access-key-id");
        assertThatThrownBy(() -> new TencentSmsSender(none)).hasMessageContaining("baiti.sms.tencent.secret-id");
    }

    @Test
    void theDevelopmentSenderSaysLoudlyThatNoSmsIsSent(CapturedOutput output) {
        DevelopmentSmsSender dev = new DevelopmentSmsSender();
        dev.send(PHONE, "123456");
        assertThat(output.getOut() + output.getErr()).contains("NO SMS IS SENT").contains("138****0000")
                .doesNotContain(PHONE);
        assertThat(dev.lastCode(PHONE)).contains("123456");
    }
}
