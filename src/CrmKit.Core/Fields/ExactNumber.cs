using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Core.Fields;

/// <summary>
/// A JSON number read from its text without binary floating point: a sign, the significant digits and a power of ten.
/// Numbers too long or too precise for <see cref="decimal"/> or <see cref="long"/> are detected, never rounded.
/// </summary>
internal readonly struct ExactNumber
{
    // decimal's coefficient is 96 bits: 2^96 - 1, 29 digits.
    private const string MaxCoefficient = "79228162514264337593543950335";
    private const int MaxScale = 28;

    // Exponents beyond this cannot produce a long or a decimal; saturating keeps the arithmetic in range.
    private const long ExponentLimit = 1_000_000_000;

    private ExactNumber(bool negative, string digits, long exponent)
    {
        Negative = negative;
        Digits = digits;
        Exponent = exponent;
    }

    /// <summary>Gets a value indicating whether a minus sign was written (also for zero).</summary>
    public bool Negative { get; }

    /// <summary>Gets the significant digits without leading zeros; empty for zero. Trailing zeros are kept.</summary>
    public string Digits { get; }

    /// <summary>Gets the power of ten the digits are multiplied by (for zero it still carries the written scale).</summary>
    public long Exponent { get; }

    /// <summary>Gets a value indicating whether the number is zero.</summary>
    public bool IsZero => Digits.Length == 0;

    /// <summary>Gets the number of digits after the decimal point once trailing zeros are dropped (0 for integers).</summary>
    public long FractionDigits
    {
        get
        {
            var trimmed = Digits.TrimEnd('0');
            if (trimmed.Length == 0)
            {
                return 0;
            }

            var exponent = Exponent + (Digits.Length - trimmed.Length);
            return exponent >= 0 ? 0 : -exponent;
        }
    }

    /// <summary>Gets a value indicating whether the number has no fractional part (1.0 and 1e3 are integers).</summary>
    public bool IsInteger => FractionDigits == 0;

    /// <summary>Reads a node whose JSON kind is number.</summary>
    /// <param name="node">The node.</param>
    /// <param name="number">The number, when the text is a JSON number.</param>
    /// <returns>True when the node holds a JSON number.</returns>
    public static bool TryRead(JsonNode node, out ExactNumber number)
    {
        return TryParse(JsonValues.RawText(node), out number);
    }

    /// <summary>Parses JSON number text (RFC 8259 grammar).</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number.</param>
    /// <returns>True when the text is a JSON number.</returns>
    public static bool TryParse(string text, out ExactNumber number)
    {
        number = default;
        var span = text.AsSpan();
        var i = 0;
        var negative = false;
        if (i < span.Length && span[i] == '-')
        {
            negative = true;
            i++;
        }

        var integerStart = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
        }

        var integerPart = span[integerStart..i];
        if (integerPart.Length == 0 || (integerPart.Length > 1 && integerPart[0] == '0'))
        {
            return false;
        }

        var fractionPart = ReadOnlySpan<char>.Empty;
        if (i < span.Length && span[i] == '.')
        {
            var fractionStart = ++i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            fractionPart = span[fractionStart..i];
            if (fractionPart.Length == 0)
            {
                return false;
            }
        }

        long exponent = 0;
        if (i < span.Length && (span[i] == 'e' || span[i] == 'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < span.Length && (span[i] == '+' || span[i] == '-'))
            {
                exponentNegative = span[i] == '-';
                i++;
            }

            var exponentStart = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                exponent = Math.Min(exponent * 10 + (span[i] - '0'), ExponentLimit);
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != span.Length)
        {
            return false;
        }

        var digits = string.Concat(integerPart, fractionPart).TrimStart('0');
        number = new ExactNumber(negative, digits, exponent - fractionPart.Length);
        return true;
    }

    /// <summary>Converts an integral number to a <see cref="long"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when the number has a fractional part or lies outside the range of <see cref="long"/>.</returns>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!IsInteger)
        {
            return false;
        }

        if (IsZero)
        {
            return true;
        }

        string integerDigits;
        if (Exponent >= 0)
        {
            // long has 19 digits at most.
            if (Digits.Length + Exponent > 19)
            {
                return false;
            }

            integerDigits = Digits + new string('0', (int)Exponent);
        }
        else
        {
            integerDigits = Digits[..(int)(Digits.Length + Exponent)];
        }

        var signed = Negative ? "-" + integerDigits : integerDigits;
        return long.TryParse(signed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Converts the number to a <see cref="decimal"/> with no rounding, keeping the written scale (1.50 stays 1.50)
    /// unless trailing zeros must go for the value to fit.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>False when the value cannot be held exactly by a <see cref="decimal"/>.</returns>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0m;
        if (IsZero)
        {
            var zeroScale = (byte)Math.Clamp(-Exponent, 0, MaxScale);
            value = new decimal(0, 0, 0, false, zeroScale);
            return true;
        }

        var digits = Digits;
        var scale = -Exponent;
        if (scale < 0)
        {
            if (digits.Length - scale > MaxCoefficient.Length)
            {
                return false;
            }

            digits += new string('0', (int)-scale);
            scale = 0;
        }

        // Drop trailing zeros of the fraction only as far as needed to fit the 28-digit scale and 96-bit coefficient.
        var length = digits.Length;
        while (scale > MaxScale || !FitsCoefficient(digits.AsSpan(0, length)))
        {
            if (scale == 0 || digits[length - 1] != '0')
            {
                return false;
            }

            length--;
            scale--;
        }

        var coefficient = UInt128.Parse(digits.AsSpan(0, length), NumberStyles.None, CultureInfo.InvariantCulture);
        value = new decimal(
            (int)(uint)coefficient,
            (int)(uint)(coefficient >> 32),
            (int)(uint)(coefficient >> 64),
            Negative,
            (byte)scale);
        return true;
    }

    private static bool FitsCoefficient(ReadOnlySpan<char> digits) =>
        digits.Length < MaxCoefficient.Length ||
        (digits.Length == MaxCoefficient.Length && digits.SequenceCompareTo(MaxCoefficient) <= 0);
}
