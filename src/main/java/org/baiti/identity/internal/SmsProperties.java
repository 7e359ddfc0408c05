package org.baiti.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS providers' settings ({@code baiti.sms.*}): endpoint, protocol, keys, sign name and template of
 * Alibaba Cloud SMS ({@code baiti.sms.aliyun.*}) and Tencent Cloud SMS ({@code baiti.sms.tencent.*}). Give the keys
 * as environment variables (e.g. {@code BAITI_SMS_ALIYUN_ACCESS_KEY_SECRET}), never on a command line others can read.
 */
@ConfigurationProperties("baiti.sms")
public record SmsProperties(@DefaultValue Aliyun aliyun, @DefaultValue Tencent tencent, @DefaultValue("10s") Duration timeout) {

    /** Alibaba Cloud SMS (dysmsapi 2017-05-25): the template has one variable, {@code templateParam} (default "code"). */
    public record Aliyun(
            @DefaultValue("dysmsapi.aliyuncs.com") String endpoint,
            @DefaultValue("HTTPS") String protocol,
            String accessKeyId,
            String accessKeySecret,
            String signName,
            String templateCode,
            @DefaultValue("code") String templateParam) {
    }

    /** Tencent Cloud SMS (2021-01-11): the template's first parameter is the code. */
    public record Tencent(
            @DefaultValue("sms.tencentcloudapi.com") String endpoint,
            @DefaultValue("https://") String protocol,
            @DefaultValue("ap-guangzhou") String region,
            String secretId,
            String secretKey,
            String sdkAppId,
            String signName,
            String templateId) {
    }
}
