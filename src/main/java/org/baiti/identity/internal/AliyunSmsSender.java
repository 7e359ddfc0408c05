package org.baiti.identity.internal;

import java.util.Map;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS through its official SDK ({@code com.aliyun:dysmsapi20170525}, SendSms of API 2017-05-25, signed
 * ACS3-HMAC-SHA256): {@code baiti.otp.provider=aliyun} and {@code baiti.sms.aliyun.*}. The template has one variable
 * (default {@code code}). Anything but {@code "Code": "OK"} is a failure.
 */
@Component
@ConditionalOnBooleanProperty("baiti.otp.enabled")
@ConditionalOnProperty(name = "baiti.otp.provider", havingValue = "aliyun")
public class AliyunSmsSender implements SmsSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Client client;
    private final SmsProperties.Aliyun settings;
    private final int timeoutMillis;

    public AliyunSmsSender(SmsProperties properties) {
        this.settings = properties.aliyun();
        this.timeoutMillis = (int) properties.timeout().toMillis();
        require(settings.accessKeyId(), "access-key-id");
        require(settings.accessKeySecret(), "access-key-secret");
        require(settings.signName(), "sign-name");
        require(settings.templateCode(), "template-code");
        Config config = new Config()
                .setAccessKeyId(settings.accessKeyId())
                .setAccessKeySecret(settings.accessKeySecret())
                .setEndpoint(settings.endpoint())
                .setProtocol(settings.protocol())
                .setConnectTimeout(timeoutMillis)
                .setReadTimeout(timeoutMillis);
        try {
            this.client = new Client(config);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the Alibaba Cloud SMS client: " + e.getMessage(), e);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("baiti.otp.provider=aliyun needs baiti.sms.aliyun." + name + " (docs/privacy.md)");
        }
    }

    @Override
    public void send(String phone, String code) {
        SendSmsRequest request = new SendSmsRequest()
                .setPhoneNumbers(phone)
                .setSignName(settings.signName())
                .setTemplateCode(settings.templateCode())
                .setTemplateParam(JSON.writeValueAsString(Map.of(settings.templateParam(), code)));
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.autoretry = false; // a retried SendSms can deliver two codes
        runtime.connectTimeout = timeoutMillis;
        runtime.readTimeout = timeoutMillis;
        SendSmsResponse response;
        try {
            response = client.sendSmsWithOptions(request, runtime);
        } catch (TeaException e) {
            throw new SmsFailure(e.getCode(), e.getMessage(), e);
        } catch (Exception e) {
            throw new SmsFailure(e.getClass().getSimpleName(), e.getMessage(), e);
        }
        var body = response == null ? null : response.getBody();
        if (body == null || !"OK".equalsIgnoreCase(body.getCode())) {
            throw new SmsFailure(body == null ? "no_body" : body.getCode(), body == null ? "empty answer" : body.getMessage(), null);
        }
    }
}
