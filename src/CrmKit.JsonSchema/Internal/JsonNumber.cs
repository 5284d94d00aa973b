using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// A JSON number held exactly as a <see cref="decimal"/> whenever it fits one, and as a <see cref="double"/> only when
/// it does not (too large, or too small to keep its digits).
/// </summary>
internal readonly struct JsonNumber
{
    // Below this magnitude a decimal may have silently dropped digits past its 28th decimal place (or rounded to 0),
    // so such values are cross-checked against their double reading before being trusted.
    private const decimal SmallMagnitude = 0.0000000001m;

    private readonly decimal _decimal;
    private readonly double _double;

    public JsonNumber(decimal value)
    {
        _decimal = value;
        IsDecimal = true;
    }

    public JsonNumber(double value)
    {
        _double = value;
    }

    /// <summary>Gets a value indicating whether the number is held exactly as a decimal.</summary>
    public bool IsDecimal { get; }

    /// <summary>Gets the number as a double (approximate when it is held as a decimal).</summary>
    public double AsDouble => IsDecimal ? (double)_decimal : _double;

    /// <summary>Gets the number boxed as the type it is held in, for <see cref="SchemaViolation.Limit"/>.</summary>
    public object Boxed => IsDecimal ? _decimal : _double;

    /// <summary>Gets a value indicating whether the number has no fractional part (so 1.0 is an integer).</summary>
    public bool IsInteger => IsDecimal
        ? decimal.Truncate(_decimal) == _decimal
        : double.IsFinite(_double) && Math.Floor(_double) == _double;

    /// <summary>Reads a node whose kind is <see cref="JsonValueKind.Number"/>.</summary>
    public static JsonNumber Read(JsonNode node)
    {
        if (node is JsonValue value)
        {
            if (value.TryGetValue(out JsonElement element))
            {
                return FromElement(element);
            }

            if (TryReadClrValue(value, out var number))
            {
                return number;
            }
        }

        return Parse(node.ToJsonString());
    }

    /// <summary>Parses JSON number text.</summary>
    public static JsonNumber Parse(string text)
    {
        _ = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && Fits(exact, approximate))
        {
            return new JsonNumber(exact);
        }

        return new JsonNumber(approximate);
    }

    /// <summary>Compares two numbers exactly when both are decimals.</summary>
    public static int Compare(in JsonNumber left, in JsonNumber right) =>
        left.IsDecimal && right.IsDecimal
            ? decimal.Compare(left._decimal, right._decimal)
            : left.AsDouble.CompareTo(right.AsDouble);

    /// <summary>Returns whether two numbers are mathematically equal (1 equals 1.0).</summary>
    public static bool AreEqual(in JsonNumber left, in JsonNumber right) =>
        left.IsDecimal && right.IsDecimal
            ? left._decimal == right._decimal
            : left.AsDouble.Equals(right.AsDouble);

    /// <summary>Returns a hash code consistent with <see cref="AreEqual"/>.</summary>
    public int GetEqualityHashCode() => AsDouble.GetHashCode();

    /// <summary>Returns whether this number divided by <paramref name="divisor"/> is an integer.</summary>
    public bool IsMultipleOf(in JsonNumber divisor)
    {
        if (IsDecimal && divisor.IsDecimal && divisor._decimal != 0)
        {
            try
            {
                return decimal.Remainder(_decimal, divisor._decimal) == 0;
            }
            catch (OverflowException)
            {
                // Falls through to the double arithmetic below.
            }
        }

        var quotient = AsDouble / divisor.AsDouble;
        return double.IsFinite(quotient) && Math.Floor(quotient) == quotient;
    }

    private static JsonNumber FromElement(JsonElement element)
    {
        if (element.TryGetDecimal(out var exact))
        {
            if (exact != 0 && Math.Abs(exact) >= SmallMagnitude)
            {
                return new JsonNumber(exact);
            }

            if (element.TryGetDouble(out var approximate))
            {
                return Fits(exact, approximate) ? new JsonNumber(exact) : new JsonNumber(approximate);
            }
        }
        else if (element.TryGetDouble(out var approximate))
        {
            return new JsonNumber(approximate);
        }

        return Parse(element.GetRawText());
    }

    private static bool Fits(decimal exact, double approximate)
    {
        if (exact != 0 && Math.Abs(exact) >= SmallMagnitude)
        {
            return true;
        }

        if (exact == 0)
        {
            return approximate == 0;
        }

        return Math.Abs((double)exact - approximate) <= Math.Abs(approximate) * 1e-15;
    }

    private static bool TryReadClrValue(JsonValue value, out JsonNumber number)
    {
        if (value.TryGetValue(out int int32))
        {
            number = new JsonNumber((decimal)int32);
            return true;
        }

        if (value.TryGetValue(out long int64))
        {
            number = new JsonNumber((decimal)int64);
            return true;
        }

        if (value.TryGetValue(out decimal exact))
        {
            number = new JsonNumber(exact);
            return true;
        }

        if (value.TryGetValue(out double float64))
        {
            number = FromBinary(float64, double.IsFinite(float64) && Math.Abs(float64) < 7.9e27 ? (decimal)float64 : null);
            return true;
        }

        if (value.TryGetValue(out float float32))
        {
            number = FromBinary(float32, float.IsFinite(float32) && Math.Abs(float32) < 7.9e27f ? (decimal)float32 : null);
            return true;
        }

        if (value.TryGetValue(out ulong uint64))
        {
            number = new JsonNumber((decimal)uint64);
            return true;
        }

        number = default;
        return false;
    }

    /// <summary>
    /// Takes a double or float built in code (0.1 + 0.2) at the significant digits its type converts to a decimal with
    /// (15 or 7), so that it compares and divides the way the literal the author meant would.
    /// </summary>
    private static JsonNumber FromBinary(double value, decimal? converted) =>
        converted is { } exact && Fits(exact, value) ? new JsonNumber(exact) : new JsonNumber(value);
}
