namespace CrmKit.Sdk.Integrations;

/// <summary>Whether a registry entry is a legal entity (EGRUL) or an individual entrepreneur (EGRIP).</summary>
public enum RegistryCompanyKind
{
    /// <summary>A legal entity: a 10-digit INN, a KPP and a 13-digit OGRN.</summary>
    LegalEntity = 0,

    /// <summary>An individual entrepreneur: a 12-digit INN, no KPP and a 15-digit OGRNIP.</summary>
    IndividualEntrepreneur = 1,
}
