namespace CrmKit.Plugins.Requisites.Identifiers;

/// <summary>The identifiers the requisites plugin checks; each has its own error codes (<see cref="IdentifierErrors"/>).</summary>
internal enum IdentifierKind
{
    /// <summary>An INN of 10 or 12 digits.</summary>
    Inn,

    /// <summary>A 10-digit INN of a legal entity.</summary>
    LegalEntityInn,

    /// <summary>A 12-digit INN of an individual entrepreneur.</summary>
    IndividualInn,

    /// <summary>A KPP.</summary>
    Kpp,

    /// <summary>An OGRN (13 digits).</summary>
    Ogrn,

    /// <summary>An OGRNIP (15 digits).</summary>
    Ogrnip,

    /// <summary>A BIK.</summary>
    Bik,

    /// <summary>An OKPO code.</summary>
    Okpo,

    /// <summary>A settlement account checked with its BIK.</summary>
    SettlementAccount,

    /// <summary>A correspondent account checked with its BIK.</summary>
    CorrespondentAccount,
}
