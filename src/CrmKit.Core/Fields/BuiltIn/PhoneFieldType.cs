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

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetString(context.Value, out var text))
        {
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
