namespace CrmKit.Plugins.Requisites.Identifiers;

/// <summary>Why a Russian identifier (INN, KPP, OGRN, ...) was refused; <see cref="None"/> when it is valid.</summary>
internal enum IdentifierError
{
    /// <summary>The value is valid.</summary>
    None = 0,

    /// <summary>The value is empty.</summary>
    Empty,

    /// <summary>A character is not an ASCII digit (a Cyrillic "О" for a zero, a letter, punctuation).</summary>
    NotDigits,

    /// <summary>The number of characters is not one the identifier has.</summary>
    Length,

    /// <summary>A 10-digit INN starting with "00": it passes the checksum, but no tax office has the code 00.</summary>
    ZeroRegion,

    /// <summary>The check digit (or the account key) does not match.</summary>
    Checksum,

    /// <summary>The characters do not follow the identifier's pattern (KPP: 4 digits, 2 digits or capitals, 3 digits).</summary>
    Format,

    /// <summary>A BIK that does not start with the Russian country code 04.</summary>
    Country,
}
