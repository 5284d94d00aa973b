namespace CrmKit.Core.Fields;

/// <summary>The stable error codes the built-in field types report; clients may rely on them.</summary>
internal static class FieldErrorCodes
{
    /// <summary>A single-line string holds a control character (line breaks and tabs included).</summary>
    public const string StringControlCharacters = "string.control_characters";

    /// <summary>A single-line string holds an unpaired UTF-16 surrogate.</summary>
    public const string StringInvalidUnicode = "string.invalid_unicode";

    /// <summary>A text holds a control character other than tab, line feed and carriage return.</summary>
    public const string TextControlCharacters = "text.control_characters";

    /// <summary>A text holds an unpaired UTF-16 surrogate.</summary>
    public const string TextInvalidUnicode = "text.invalid_unicode";

    /// <summary>An integer does not fit a signed 64-bit integer.</summary>
    public const string IntegerOutOfRange = "integer.out_of_range";

    /// <summary>A decimal cannot be held exactly by <see cref="decimal"/>.</summary>
    public const string DecimalOutOfRange = "decimal.out_of_range";

    /// <summary>A money currency is not an active ISO 4217 code.</summary>
    public const string MoneyUnknownCurrency = "money.unknown_currency";

    /// <summary>A money amount has more fraction digits than money allows.</summary>
    public const string MoneyFractionDigits = "money.fraction_digits";

    /// <summary>A money amount cannot be held exactly by <see cref="decimal"/>.</summary>
    public const string MoneyOutOfRange = "money.out_of_range";

    /// <summary>A date-time has no UTC offset.</summary>
    public const string DateTimeOffsetRequired = "datetime.offset_required";

    /// <summary>A date-time cannot be represented (out of range, offset beyond ±14:00, leap second).</summary>
    public const string DateTimeOutOfRange = "datetime.out_of_range";

    /// <summary>A phone number is not valid.</summary>
    public const string PhoneInvalid = "phone.invalid";

    /// <summary>A phone number carries an extension, which E.164 cannot hold.</summary>
    public const string PhoneExtensionNotSupported = "phone.extension_not_supported";

    /// <summary>A URL's scheme is not http or https.</summary>
    public const string UrlSchemeNotAllowed = "url.scheme_not_allowed";

    /// <summary>An http or https URL has no host.</summary>
    public const string UrlHostRequired = "url.host_required";
}
