using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Requisites;

/// <summary>The codes and en/ru messages of the company rules (identifier refusals are in <c>IdentifierErrors</c>).</summary>
internal static class RequisitesMessages
{
    public static LocalizedText RequisitesDoNotFit() => LocalizedText.Of(
        "The company's requisites do not fit its kind.",
        "Реквизиты компании не соответствуют её виду.");

    public static (string Code, LocalizedText Message) OgrnipOfLegalEntity() => ("requisites.ogrnip_not_allowed", LocalizedText.Of(
        "A legal entity has an OGRN, not an OGRNIP: clear the OGRNIP or make the company an individual entrepreneur.",
        "У юридического лица ОГРН, а не ОГРНИП: очистите ОГРНИП или укажите вид «Индивидуальный предприниматель»."));

    public static (string Code, LocalizedText Message) KppOfEntrepreneur() => ("requisites.kpp_not_allowed", LocalizedText.Of(
        "An individual entrepreneur has no KPP: clear it or make the company a legal entity.",
        "У индивидуального предпринимателя нет КПП: очистите его или укажите вид «Юридическое лицо»."));

    public static (string Code, LocalizedText Message) OgrnOfEntrepreneur() => ("requisites.ogrn_not_allowed", LocalizedText.Of(
        "An individual entrepreneur has an OGRNIP, not an OGRN: move the number to the OGRNIP field.",
        "У индивидуального предпринимателя ОГРНИП, а не ОГРН: перенесите номер в поле ОГРНИП."));
}
