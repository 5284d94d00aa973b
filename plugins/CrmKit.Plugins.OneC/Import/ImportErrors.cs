using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>The clear errors a refused file gets (docs/integrations/1c.md, Error codes). Nothing of such a file is imported.</summary>
internal static class ImportErrors
{
    public static CrmException Malformed(int line, int position, string detail) => Error(
        "onec.import_malformed",
        $"The file is not well-formed XML (line {line}, position {position}): {detail}",
        $"Файл — не корректный XML (строка {line}, позиция {position}): {detail}");

    public static CrmException DtdProhibited(int line, int position) => Error(
        "onec.import_dtd_prohibited",
        $"The file declares a DTD (line {line}, position {position}); DTDs and entities are refused (they are how XML bombs and external-entity attacks work).",
        $"Файл объявляет DTD (строка {line}, позиция {position}); DTD и сущности не принимаются (так устроены XML-бомбы и атаки через внешние сущности).");

    public static CrmException Encoding(string declared, string detail) => Error(
        "onec.import_encoding",
        $"The bytes do not match the declared encoding '{declared}': {detail}",
        $"Содержимое не соответствует объявленной кодировке '{declared}': {detail}");

    public static CrmException TooLarge(long limit) => Error(
        "onec.import_too_large",
        $"The file is larger than the limit of {limit} bytes (setting maxImportMegabytes).",
        $"Файл больше предела {limit} байт (настройка maxImportMegabytes).");

    public static CrmException NotCommerceMl(string root) => Error(
        "onec.import_not_commerceml",
        $"The root element is '{root}', not 'КоммерческаяИнформация': this is not a CommerceML file.",
        $"Корневой элемент — '{root}', а не 'КоммерческаяИнформация': это не файл CommerceML.");

    private static CrmException Error(string code, string en, string ru) =>
        new(CrmErrorKind.BadRequest, code, LocalizedText.Of(en, ru));
}
