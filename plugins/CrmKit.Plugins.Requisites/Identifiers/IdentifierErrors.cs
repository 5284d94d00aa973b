using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Requisites.Identifiers;

/// <summary>
/// The stable codes and the en/ru messages of refused identifiers: <c>&lt;identifier&gt;.&lt;reason&gt;</c>, for
/// example <c>inn.checksum</c>, <c>kpp.format</c>, <c>account.checksum</c> (docs/integrations/requisites.md lists them).
/// </summary>
internal static class IdentifierErrors
{
    /// <summary>Runs the check of <paramref name="kind"/> on a value.</summary>
    /// <param name="kind">Which identifier the value is.</param>
    /// <param name="value">The compacted value.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError Check(IdentifierKind kind, ReadOnlySpan<char> value) => kind switch
    {
        IdentifierKind.Inn => RussianIdentifiers.CheckInn(value),
        IdentifierKind.LegalEntityInn => RussianIdentifiers.CheckLegalEntityInn(value),
        IdentifierKind.IndividualInn => RussianIdentifiers.CheckIndividualInn(value),
        IdentifierKind.Kpp => RussianIdentifiers.CheckKpp(value),
        IdentifierKind.Ogrn => RussianIdentifiers.CheckOgrn(value),
        IdentifierKind.Ogrnip => RussianIdentifiers.CheckOgrnip(value),
        IdentifierKind.Bik => RussianIdentifiers.CheckBik(value),
        IdentifierKind.Okpo => RussianIdentifiers.CheckOkpo(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Accounts are checked with their BIK."),
    };

    /// <summary>The stable code of a refusal, such as <c>inn.checksum</c>.</summary>
    /// <param name="kind">The identifier.</param>
    /// <param name="error">Why it was refused.</param>
    /// <returns>The code.</returns>
    public static string Code(IdentifierKind kind, IdentifierError error) => Prefix(kind) + "." + Reason(error);

    /// <summary>The refusal as a <see cref="CrmError"/> at <paramref name="pointer"/>.</summary>
    /// <param name="kind">The identifier.</param>
    /// <param name="error">Why it was refused (not <see cref="IdentifierError.None"/>).</param>
    /// <param name="pointer">The JSON pointer of the value.</param>
    /// <returns>The error.</returns>
    public static CrmError ToError(IdentifierKind kind, IdentifierError error, string pointer) =>
        new(Code(kind, error), pointer, Message(kind, error));

    /// <summary>The en/ru message of a refusal.</summary>
    /// <param name="kind">The identifier.</param>
    /// <param name="error">Why it was refused.</param>
    /// <returns>The message.</returns>
    public static LocalizedText Message(IdentifierKind kind, IdentifierError error)
    {
        var (en, ru) = Names(kind);
        return error switch
        {
            IdentifierError.Empty => LocalizedText.Of($"The {en} is empty.", $"{ru}: пустое значение."),
            IdentifierError.NotDigits => LocalizedText.Of(
                $"The {en} may contain only the digits 0-9 (a Cyrillic \"О\" or a letter is not a digit).",
                $"{ru} может содержать только цифры 0-9 (кириллическая «О» или буква — не цифра)."),
            IdentifierError.Length => LocalizedText.Of($"The {en} must have {LengthEn(kind)}.", $"{ru} должен содержать {LengthRu(kind)}."),
            IdentifierError.ZeroRegion => LocalizedText.Of(
                $"The {en} cannot start with 00: no tax office has that code.",
                $"{ru} не может начинаться с 00: налоговой инспекции с таким кодом нет."),
            IdentifierError.Checksum when kind is IdentifierKind.SettlementAccount or IdentifierKind.CorrespondentAccount => LocalizedText.Of(
                $"The {en} does not match the bank's BIK (the control key fails): a digit of the account or of the BIK is wrong.",
                $"{ru} не соответствует БИК банка (не сходится контрольный ключ): ошибка в цифре счёта или БИК."),
            IdentifierError.Checksum => LocalizedText.Of(
                $"The {en}'s check digit does not match: a digit is wrong.",
                $"Не сходится контрольная цифра: {ru} введён с ошибкой."),
            IdentifierError.Format => LocalizedText.Of(
                $"The {en} must be 4 digits, then 2 digits or capital Latin letters, then 3 digits.",
                $"{ru} должен состоять из 4 цифр, затем 2 цифр или заглавных латинских букв, затем 3 цифр."),
            IdentifierError.Country => LocalizedText.Of(
                $"A Russian {en} starts with 04.",
                $"Российский {ru} начинается с 04."),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Not a refusal."),
        };
    }

    private static string Prefix(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Inn or IdentifierKind.LegalEntityInn or IdentifierKind.IndividualInn => "inn",
        IdentifierKind.Kpp => "kpp",
        IdentifierKind.Ogrn => "ogrn",
        IdentifierKind.Ogrnip => "ogrnip",
        IdentifierKind.Bik => "bik",
        IdentifierKind.Okpo => "okpo",
        IdentifierKind.SettlementAccount => "account",
        IdentifierKind.CorrespondentAccount => "correspondent_account",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Reason(IdentifierError error) => error switch
    {
        IdentifierError.Empty => "empty",
        IdentifierError.NotDigits => "not_digits",
        IdentifierError.Length => "length",
        IdentifierError.ZeroRegion => "zero_region",
        IdentifierError.Checksum => "checksum",
        IdentifierError.Format => "format",
        IdentifierError.Country => "country",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Not a refusal."),
    };

    private static (string En, string Ru) Names(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Inn or IdentifierKind.LegalEntityInn or IdentifierKind.IndividualInn => ("INN", "ИНН"),
        IdentifierKind.Kpp => ("KPP", "КПП"),
        IdentifierKind.Ogrn => ("OGRN", "ОГРН"),
        IdentifierKind.Ogrnip => ("OGRNIP", "ОГРНИП"),
        IdentifierKind.Bik => ("BIK", "БИК"),
        IdentifierKind.Okpo => ("OKPO code", "Код ОКПО"),
        IdentifierKind.SettlementAccount => ("settlement account", "Расчётный счёт"),
        IdentifierKind.CorrespondentAccount => ("correspondent account", "Корреспондентский счёт"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string LengthEn(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Inn => "10 digits (a legal entity) or 12 (an individual entrepreneur)",
        IdentifierKind.LegalEntityInn => "10 digits for a legal entity",
        IdentifierKind.IndividualInn => "12 digits for an individual entrepreneur",
        IdentifierKind.Kpp => "9 characters",
        IdentifierKind.Ogrn => "13 digits",
        IdentifierKind.Ogrnip => "15 digits",
        IdentifierKind.Bik => "9 digits",
        IdentifierKind.Okpo => "8 digits (a legal entity), 10 (an individual entrepreneur) or 14 (a subdivision)",
        _ => "20 digits",
    };

    private static string LengthRu(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Inn => "10 цифр (юридическое лицо) или 12 (индивидуальный предприниматель)",
        IdentifierKind.LegalEntityInn => "10 цифр для юридического лица",
        IdentifierKind.IndividualInn => "12 цифр для индивидуального предпринимателя",
        IdentifierKind.Kpp => "9 символов",
        IdentifierKind.Ogrn => "13 цифр",
        IdentifierKind.Ogrnip => "15 цифр",
        IdentifierKind.Bik => "9 цифр",
        IdentifierKind.Okpo => "8 цифр (юридическое лицо), 10 (индивидуальный предприниматель) или 14 (обособленное подразделение)",
        _ => "20 цифр",
    };
}
