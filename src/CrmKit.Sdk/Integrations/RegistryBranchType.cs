namespace CrmKit.Sdk.Integrations;

/// <summary>Whether a registry entry is a company's head office or one of its branches.</summary>
public enum RegistryBranchType
{
    /// <summary>The head office (DaData <c>MAIN</c>).</summary>
    HeadOffice = 0,

    /// <summary>A branch or other separate subdivision with its own KPP (DaData <c>BRANCH</c>).</summary>
    Branch = 1,
}
