namespace CrmKit.Plugins.Requisites.Identifiers;

/// <summary>
/// The FNS and Bank of Russia check rules for Russian company identifiers. Every check reads a span and allocates
/// nothing. The input must already be trimmed (<see cref="IdentifierText.Compact"/>): spaces count as bad characters.
/// </summary>
internal static class RussianIdentifiers
{
    // Byte spans over constant data compile to a view of the assembly's data section: no allocation.
    private static ReadOnlySpan<byte> Inn10Weights => [2, 4, 10, 3, 5, 9, 4, 6, 8];

    private static ReadOnlySpan<byte> Inn11Weights => [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    private static ReadOnlySpan<byte> Inn12Weights => [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    private static ReadOnlySpan<byte> AccountWeights => [7, 1, 3];

    /// <summary>
    /// Checks an INN: 10 digits (a legal entity) or 12 (an individual or entrepreneur), with the FNS check digits
    /// (weighted sums mod 11 mod 10). A 10-digit INN starting with "00" is refused, although its checksum can pass.
    /// </summary>
    /// <param name="value">The INN.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckInn(ReadOnlySpan<char> value)
    {
        var shape = Shape(value, 10, 12);
        if (shape != IdentifierError.None)
        {
            return shape;
        }

        if (value[0] == '0' && value[1] == '0')
        {
            return IdentifierError.ZeroRegion;
        }

        if (value.Length == 10)
        {
            return CheckDigit(value, Inn10Weights) == value[9] - '0' ? IdentifierError.None : IdentifierError.Checksum;
        }

        return CheckDigit(value, Inn11Weights) == value[10] - '0' &&
               CheckDigit(value, Inn12Weights) == value[11] - '0'
            ? IdentifierError.None
            : IdentifierError.Checksum;
    }

    /// <summary>Checks a 10-digit INN of a legal entity.</summary>
    /// <param name="value">The INN.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckLegalEntityInn(ReadOnlySpan<char> value) =>
        IsDigits(value) && value.Length != 10 ? IdentifierError.Length : CheckInn(value);

    /// <summary>Checks a 12-digit INN of an individual (an individual entrepreneur).</summary>
    /// <param name="value">The INN.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckIndividualInn(ReadOnlySpan<char> value) =>
        IsDigits(value) && value.Length != 12 ? IdentifierError.Length : CheckInn(value);

    /// <summary>Checks an OGRN: 13 digits; the last is the first 12 as a number mod 11 mod 10.</summary>
    /// <param name="value">The OGRN.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckOgrn(ReadOnlySpan<char> value)
    {
        var shape = Shape(value, 13, 13);
        if (shape != IdentifierError.None)
        {
            return shape;
        }

        return Remainder(value[..12], 11) % 10 == value[12] - '0' ? IdentifierError.None : IdentifierError.Checksum;
    }

    /// <summary>
    /// Checks an OGRNIP: 15 digits; the last is the last digit of the first 14 as a number mod 13 (a remainder of
    /// 10, 11 or 12 gives 0, 1 or 2 — "младший разряд остатка").
    /// </summary>
    /// <param name="value">The OGRNIP.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckOgrnip(ReadOnlySpan<char> value)
    {
        var shape = Shape(value, 15, 15);
        if (shape != IdentifierError.None)
        {
            return shape;
        }

        return Remainder(value[..14], 13) % 10 == value[14] - '0' ? IdentifierError.None : IdentifierError.Checksum;
    }

    /// <summary>
    /// Checks a KPP: 9 characters, 4 digits (the tax office), 2 digits or Latin capitals (the reason), 3 digits. It has
    /// no check digit.
    /// </summary>
    /// <param name="value">The KPP.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckKpp(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return IdentifierError.Empty;
        }

        if (value.Length != 9)
        {
            return IdentifierError.Length;
        }

        for (var i = 0; i < 9; i++)
        {
            var c = value[i];
            var ok = char.IsAsciiDigit(c) || (i is 4 or 5 && char.IsAsciiLetterUpper(c));
            if (!ok)
            {
                return IdentifierError.Format;
            }
        }

        return IdentifierError.None;
    }

    /// <summary>Checks a BIK: 9 digits starting with the Russian country code 04. It has no check digit.</summary>
    /// <param name="value">The BIK.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckBik(ReadOnlySpan<char> value)
    {
        var shape = Shape(value, 9, 9);
        if (shape != IdentifierError.None)
        {
            return shape;
        }

        return value[0] == '0' && value[1] == '4' ? IdentifierError.None : IdentifierError.Country;
    }

    /// <summary>
    /// Checks an OKPO code: 8 digits (a legal entity) or 10 (an individual entrepreneur), or 14 (a separate
    /// subdivision: the 8-digit code of the company and 6 more). The check digit is the weighted sum of the others
    /// (weights 1, 2, 3...) mod 11; when that is 10, weights 3, 4, 5... are tried; 10 again gives 0.
    /// </summary>
    /// <param name="value">The OKPO code.</param>
    /// <returns>Why it is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckOkpo(ReadOnlySpan<char> value)
    {
        var shape = Shape(value, 8, 10);
        if (shape == IdentifierError.Length && IsDigits(value) && value.Length == 14)
        {
            // A subdivision's code is the company's 8-digit code (which carries the check digit) and a 6-digit number.
            return CheckOkpo(value[..8]);
        }

        if (shape != IdentifierError.None)
        {
            return shape;
        }

        if (value.Length == 9)
        {
            return IdentifierError.Length;
        }

        var body = value[..^1];
        var check = OkpoSum(body, 1) % 11;
        if (check == 10)
        {
            check = OkpoSum(body, 3) % 11;
            if (check == 10)
            {
                check = 0;
            }
        }

        return check == value[^1] - '0' ? IdentifierError.None : IdentifierError.Checksum;
    }

    /// <summary>
    /// Checks a 20-digit bank account against the BIK of its bank (the Bank of Russia key: the 3-digit prefix and the
    /// account, weights 7, 1, 3 repeated, the sum of the last digits of the products is a multiple of 10). The prefix
    /// of a settlement account is the last 3 digits of the BIK; that of a correspondent account is "0" and the 5th and
    /// 6th digits of the BIK. Check the BIK itself first.
    /// </summary>
    /// <param name="bik">The bank's BIK (9 digits).</param>
    /// <param name="account">The account number.</param>
    /// <param name="kind">Which kind of account it is.</param>
    /// <returns>Why the account is invalid, or <see cref="IdentifierError.None"/>.</returns>
    public static IdentifierError CheckAccount(ReadOnlySpan<char> bik, ReadOnlySpan<char> account, BankAccountKind kind)
    {
        var shape = Shape(account, 20, 20);
        if (shape != IdentifierError.None)
        {
            return shape;
        }

        if (Shape(bik, 9, 9) != IdentifierError.None)
        {
            // Without a usable BIK there is no key to check; the BIK's own check reports it.
            return IdentifierError.None;
        }

        int sum;
        if (kind == BankAccountKind.Correspondent)
        {
            sum = (0 * 7) + ((bik[4] - '0') * 1 % 10) + ((bik[5] - '0') * 3 % 10);
        }
        else
        {
            sum = ((bik[6] - '0') * 7 % 10) + ((bik[7] - '0') * 1 % 10) + ((bik[8] - '0') * 3 % 10);
        }

        for (var i = 0; i < 20; i++)
        {
            sum += (account[i] - '0') * AccountWeights[i % 3] % 10;
        }

        return sum % 10 == 0 ? IdentifierError.None : IdentifierError.Checksum;
    }

    /// <summary>Whether every character is an ASCII digit (and there is at least one).</summary>
    /// <param name="value">The text.</param>
    /// <returns>True for a non-empty run of digits.</returns>
    public static bool IsDigits(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static IdentifierError Shape(ReadOnlySpan<char> value, int length, int otherLength)
    {
        if (value.IsEmpty)
        {
            return IdentifierError.Empty;
        }

        if (!IsDigits(value))
        {
            return IdentifierError.NotDigits;
        }

        return value.Length == length || value.Length == otherLength ? IdentifierError.None : IdentifierError.Length;
    }

    private static int CheckDigit(ReadOnlySpan<char> digits, ReadOnlySpan<byte> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11 % 10;
    }

    /// <summary>The digits as a number mod <paramref name="modulus"/>, by Horner's rule (no overflow, no parsing).</summary>
    private static int Remainder(ReadOnlySpan<char> digits, int modulus)
    {
        var remainder = 0;
        foreach (var c in digits)
        {
            remainder = ((remainder * 10) + (c - '0')) % modulus;
        }

        return remainder;
    }

    private static int OkpoSum(ReadOnlySpan<char> digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Weights run 1..10 (or 3..10) and start again at 1 for the 11th digit onwards.
            var weight = ((firstWeight - 1 + i) % 10) + 1;
            sum += (digits[i] - '0') * weight;
        }

        return sum;
    }
}
