package org.baiti.identity.internal;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tencent Cloud SMS through its official SDK ({@code com.tencentcloudapi:tencentcloud-sdk-java-sms}, SendSms of API
 * 2021-01-11, signed TC3-HMAC-SHA256): {@code baiti.otp.provider=tencent} and {@code baiti.sms.tencent.*}. The
 * template's first parameter is the code. Anything but a send status {@code "Code": "Ok"} is a failure.
 */
@Component
@ConditionalOnBooleanProperty("baiti.otp.enabled")
@ConditionalOnProperty(name = "baiti.otp.provider", havingValue = "tencent")
public class TencentSmsSender implements SmsSender {

    private final SmsClient client;
    private final SmsProperties.Tencent settings;

    public TencentSmsSender(SmsProperties properties) {
        this.settings = properties.tencent();
        require(settings.secretId(), "secret-id");
        require(settings.secretKey(), "secret-key");
        require(settings.sdkAppId(), "sdk-app-id");
        require(settings.signName(), "sign-name");
        require(settings.templateId(), "template-id");
        HttpProfile http = new HttpProfile();
        http.setEndpoint(settings.endpoint());
        http.setProtocol(settings.protocol());
        http.setReqMethod("POST");
        int seconds = (int) Math.max(1, properties.timeout().toSeconds());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        this.client = new SmsClient(new Credential(settings.secretId(), settings.secretKey()), settings.region(), profile);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("baiti.otp.provider=tencent needs baiti.sms.tencent." + name + " (docs/privacy.md)");
        }
    }

    @Override
    public void send(String phone, String code) {
        SendSmsRequest request = new SendSmsRequest();
        request.setPhoneNumberSet(new String[] {"+86" + phone});
        request.setSmsSdkAppId(settings.sdkAppId());
        request.setSignName(settings.signName());
        request.setTemplateId(settings.templateId());
        request.setTemplateParamSet(new String[] {code});
        SendSmsResponse response;
        try {
            response = client.SendSms(request);
        } catch (TencentCloudSDKException e) {
            throw new SmsFailure(e.getErrorCode(), e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SmsFailure(e.getClass().getSimpleName(), e.getMessage(), e);
        }
        SendStatus[] statuses = response == null ? null : response.getSendStatusSet();
        if (statuses == null || statuses.length == 0) {
            throw new SmsFailure("no_status", "the answer has no send status", null);
        }
        if (!"Ok".equalsIgnoreCase(statuses[0].getCode())) {
            throw new SmsFailure(statuses[0].getCode(), statuses[0].getMessage(), null);
        }
    }
}
