using System.Globalization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Egrul;

/// <summary>The plugin's errors with their en/ru messages.</summary>
internal static class EgrulMessages
{
    public static CrmException InvalidId(IReadOnlyList<CrmError> errors) => new(
        CrmErrorKind.BadRequest,
        EgrulErrorCodes.InvalidId,
        LocalizedText.Of(
            "The INN or OGRN is not valid; the registry was not asked.",
            "ИНН или ОГРН указан с ошибкой; запрос в реестр не отправлялся."),
        errors);

    public static CrmException NotConfigured() => new(
        CrmErrorKind.Unavailable,
        EgrulErrorCodes.NotConfigured,
        LocalizedText.Of(
            "The EGRUL lookup is not configured: set the DaData token (and base URL) in the ru.egrul plugin's settings.",
            "Поиск в ЕГРЮЛ не настроен: укажите токен DaData (и адрес) в настройках плагина ru.egrul."));

    public static CrmException Unauthorized(int status) => new(
        CrmErrorKind.Unavailable,
        EgrulErrorCodes.Unauthorized,
        LocalizedText.Of(
            $"DaData refused the API token (HTTP {Status(status)}): check the token in the ru.egrul plugin's settings.",
            $"DaData не принял API-ключ (HTTP {Status(status)}): проверьте токен в настройках плагина ru.egrul."));

    public static CrmException RateLimited(TimeSpan? retryAfter) => WithRetryAfter(new CrmException(
        CrmErrorKind.Unavailable,
        EgrulErrorCodes.RateLimited,
        LocalizedText.Of(
            "DaData limits the number of requests (HTTP 429); try again later.",
            "DaData ограничивает число запросов (HTTP 429); повторите позже.")), retryAfter);

    public static CrmException ProviderDown(string en, string ru, TimeSpan? retryAfter = null, Exception? inner = null) => WithRetryAfter(new CrmException(
        CrmErrorKind.Unavailable,
        EgrulErrorCodes.ProviderUnavailable,
        LocalizedText.Of("DaData is unavailable: " + en, "DaData недоступен: " + ru),
        innerException: inner), retryAfter);

    public static CrmException BadResponse(string en, string ru, Exception? inner = null) => new(
        CrmErrorKind.Unavailable,
        EgrulErrorCodes.BadResponse,
        LocalizedText.Of("DaData's answer cannot be used: " + en, "Ответ DaData не удалось использовать: " + ru),
        innerException: inner);

    private static string Status(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static CrmException WithRetryAfter(CrmException exception, TimeSpan? retryAfter)
    {
        if (retryAfter is { } delay)
        {
            exception.Extensions["retryAfter"] = (int)Math.Ceiling(delay.TotalSeconds);
        }

        return exception;
    }
}
