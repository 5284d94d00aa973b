using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;
using PhoneNumbers;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>phone</c>: a phone number, normalized to E.164 (<c>+79161234567</c>) with libphonenumber. Numbers written
/// without a country code are read in <see cref="DefaultRegion"/> (Russia unless configured), so
/// <c>8 (916) 123-45-67</c> becomes <c>+79161234567</c>. Numbers libphonenumber does not consider valid are refused,
/// and so are extensions, which E.164 cannot hold (they would be lost silently otherwise).
/// </summary>
internal sealed class PhoneFieldType : FieldType
{
    /// <summary>The region used when none is configured.</summary>
    public const string DefaultRegionCode = "RU";

    /// <summary>The maximum length of the value as written.</summary>
    public const int MaxLength = 32;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Creates the type.</summary>
    /// <param name="defaultRegion">
    /// The ISO 3166-1 alpha-2 region for numbers written without a country code, for example <c>RU</c> or <c>KZ</c>.
    /// </param>
    /// <exception cref="ArgumentException">libphonenumber does not know the region.</exception>
    public PhoneFieldType(string defaultRegion = DefaultRegionCode)
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Phone,
            FieldValueKind.Text,
            new JsonObject { ["type"] = "string", ["maxLength"] = MaxLength },
            FieldMessages.DisplayName(BuiltInFieldTypes.Phone)))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        var region = defaultRegion.ToUpperInvariant();
        if (!Util.GetSupportedRegions().Contains(region))
        {
            throw new ArgumentException(
                FieldMessages.Get("Phone_UnknownRegion", defaultRegion).Get(), nameof(defaultRegion));
        }

        DefaultRegion = region;
    }

    /// <summary>Gets the region numbers without a country code are read in.</summary>
    public string DefaultRegion { get; }

    /// <summary>
    /// The common case without libphonenumber's general parser (which costs several microseconds of regular
    /// expressions): digits with the usual separators, either <c>+</c> and a country code, or a national number in the
    /// default region with or without its trunk prefix. The number is built directly and accepted only when
    /// libphonenumber's metadata says it is valid; anything else takes the full parser, so results never differ.
    /// </summary>
    internal bool TryFastNormalize(string text, out string e164)
    {
        e164 = string.Empty;
        Span<char> digits = stackalloc char[MaxLength];
        var length = 0;
        var international = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (length == digits.Length)
                {
                    return false;
                }

                digits[length++] = c;
            }
            else if (c == '+' && length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '\u00A0'))
            {
                return false;
            }
        }

        if (length is < 4 or > 17)
        {
            return false;
        }

        int countryCode;
        scoped ReadOnlySpan<char> national;
        if (international)
        {
            countryCode = 0;
            national = default;
            for (var size = 1; size <= 3 && size < length; size++)
            {
                var candidate = int.Parse(digits[..size], provider: System.Globalization.CultureInfo.InvariantCulture);
                if (Util.GetRegionCodeForCountryCode(candidate) != "ZZ")
                {
                    countryCode = candidate;
                    national = digits[size..length];
                    break;
                }
            }
        }
        else
        {
            var metadata = Util.GetMetadataForRegion(DefaultRegion);
            countryCode = metadata.CountryCode;
            national = digits[..length];
            var prefix = metadata.NationalPrefix;
            if (!string.IsNullOrEmpty(prefix) && national.StartsWith(prefix, StringComparison.Ordinal))
            {
                national = national[prefix.Length..];
            }
        }

        // Leading zeros (Italian-style numbers) and long numbers take the full parser.
        if (countryCode == 0 || national.Length is < 4 or > 15 || national[0] == '0')
        {
            return false;
        }

        var number = new PhoneNumber.Builder()
            .SetCountryCode(countryCode)
            .SetNationalNumber(ulong.Parse(national, provider: System.Globalization.CultureInfo.InvariantCulture))
            .Build();
        if (!Util.IsValidNumber(number))
        {
            return false;
        }

        e164 = string.Concat("+", countryCode.ToString(System.Globalization.CultureInfo.InvariantCulture), national);
        return true;
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetString(context.Value, out var text))
        {
            return;
        }

        if (TryFastNormalize(text, out var fast))
        {
            if (fast != text)
            {
                context.Value = JsonValue.Create(fast);
            }

            return;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, DefaultRegion);
        }
        catch (NumberParseException)
        {
            FieldMessages.Report(context, FieldErrorCodes.PhoneInvalid);
            return;
        }

        if (!Util.IsValidNumber(number))
        {
            FieldMessages.Report(context, FieldErrorCodes.PhoneInvalid);
            return;
        }

        if (number.HasExtension)
        {
            FieldMessages.Report(context, FieldErrorCodes.PhoneExtensionNotSupported);
            return;
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        if (e164 != text)
        {
            context.Value = JsonValue.Create(e164);
        }
    }
}
