using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Egrul.Lookup;

/// <summary>Messages about the query itself.</summary>
internal static class EgrulQueryMessages
{
    public static LocalizedText Length() => LocalizedText.Of(
        "Look up an INN (10 or 12 digits), an OGRN (13 digits) or an OGRNIP (15 digits).",
        "Укажите ИНН (10 или 12 цифр), ОГРН (13 цифр) или ОГРНИП (15 цифр).");
}
