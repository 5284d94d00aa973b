using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>money</c>: <c>{"amount": number, "currency": "RUB"}</c>. The amount is an exact decimal (as for <c>decimal</c>,
/// written scale kept) with at most <see cref="MaxFractionDigits"/> significant digits after the point, whatever the
/// currency: four covers every ISO 4217 minor unit (CLF has four, KWD three) and unit prices finer than a kopeck;
/// rounding to the currency's minor unit is left to business logic. The currency must be an active ISO 4217 code;
/// three ASCII letters in any case are upper-cased (<c>rub</c> becomes <c>RUB</c>). Anything else of the wrong shape
/// (missing members, wrong JSON kinds, extra members) is left for the schema to report.
/// </summary>
internal sealed class MoneyFieldType : FieldType
{
    /// <summary>The most digits allowed after the decimal point, trailing zeros not counted.</summary>
    public const int MaxFractionDigits = 4;

    /// <summary>The amount member.</summary>
    public const string Amount = "amount";

    /// <summary>The currency member.</summary>
    public const string Currency = "currency";

    /// <summary>Creates the type.</summary>
    public MoneyFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Money,
            FieldValueKind.Money,
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    [Amount] = new JsonObject { ["type"] = "number" },
                    [Currency] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{3}$" },
                },
                ["required"] = new JsonArray(Amount, Currency),
                ["additionalProperties"] = false,
            },
            FieldMessages.DisplayName(BuiltInFieldTypes.Money)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (context.Value is not JsonObject money)
        {
            return;
        }

        var amount = NormalizeAmount(context, money[Amount]);
        var currency = NormalizeCurrency(context, money[Currency]);
        if (amount is null && currency is null)
        {
            return;
        }

        var normalized = (JsonObject)money.DeepClone();
        if (amount is not null)
        {
            normalized[Amount] = amount;
        }

        if (currency is not null)
        {
            normalized[Currency] = currency;
        }

        context.Value = normalized;
    }

    // Returns the canonical amount when it differs from what was written, null otherwise.
    private static JsonNode? NormalizeAmount(FieldValueContext context, JsonNode? node)
    {
        if (!JsonValues.TryGetNumber(node, out var number))
        {
            return null;
        }

        if (!number.TryGetDecimal(out var value))
        {
            FieldMessages.Report(context, FieldErrorCodes.MoneyOutOfRange);
            return null;
        }

        if (number.FractionDigits > MaxFractionDigits)
        {
            FieldMessages.Report(context, FieldErrorCodes.MoneyFractionDigits, MaxFractionDigits);
            return null;
        }

        var canonical = value.ToString(CultureInfo.InvariantCulture);
        return JsonValues.RawText(node!) == canonical ? null : JsonValues.Number(canonical);
    }

    // Returns the upper-cased currency when it differs from what was written, null otherwise.
    private static JsonValue? NormalizeCurrency(FieldValueContext context, JsonNode? node)
    {
        if (!JsonValues.TryGetString(node, out var text) || text.Length != 3 || !text.All(char.IsAsciiLetter))
        {
            return null;
        }

        var code = text.ToUpperInvariant();
        if (!CurrencyCodes.Active.Contains(code))
        {
            FieldMessages.Report(context, FieldErrorCodes.MoneyUnknownCurrency, text);
            return null;
        }

        return code == text ? null : JsonValue.Create(code);
    }
}
