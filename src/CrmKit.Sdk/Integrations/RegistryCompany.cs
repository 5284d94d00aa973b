using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Integrations;

/// <summary>
/// One registry entry (a company, one of its branches, or an individual entrepreneur), normalized from the provider's
/// answer. Everything but the INN and the names may be missing.
/// </summary>
public sealed class RegistryCompany
{
    /// <summary>Whether the entry is a legal entity or an individual entrepreneur.</summary>
    public required RegistryCompanyKind Kind { get; init; }

    /// <summary>The INN: 10 digits for a legal entity, 12 for an individual entrepreneur.</summary>
    public required string Inn { get; init; }

    /// <summary>The KPP (9 characters); null for individual entrepreneurs.</summary>
    public string? Kpp { get; init; }

    /// <summary>The OGRN (13 digits) or, for an individual entrepreneur, the OGRNIP (15 digits).</summary>
    public string? Ogrn { get; init; }

    /// <summary>The OKPO code, if known.</summary>
    public string? Okpo { get; init; }

    /// <summary>The short name with the legal form, for example <c>ООО "МОТОРИКА"</c>.</summary>
    public required string ShortName { get; init; }

    /// <summary>
    /// The full name with the legal form, for example <c>ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "МОТОРИКА"</c>.
    /// </summary>
    public required string FullName { get; init; }

    /// <summary>The short legal form, for example <c>ООО</c> or <c>ИП</c>.</summary>
    public string? LegalForm { get; init; }

    /// <summary>The OKOPF code of the legal form, for example <c>12300</c>.</summary>
    public string? LegalFormCode { get; init; }

    /// <summary>Whether this is the head office or a branch; null when the provider did not say.</summary>
    public RegistryBranchType? BranchType { get; init; }

    /// <summary>The registration date.</summary>
    public DateOnly? RegistrationDate { get; init; }

    /// <summary>The liquidation date, for a liquidated company.</summary>
    public DateOnly? LiquidationDate { get; init; }

    /// <summary>
    /// The registry status as the provider gave it, for example <see cref="RegistryCompanyStatuses.Active"/>. Values
    /// not in <see cref="RegistryCompanyStatuses"/> are kept as they are.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>The legal address in one line.</summary>
    public string? LegalAddress { get; init; }

    /// <summary>The director's full name (for an individual entrepreneur, the entrepreneur).</summary>
    public string? DirectorName { get; init; }

    /// <summary>The director's post, for example <c>ГЕНЕРАЛЬНЫЙ ДИРЕКТОР</c>.</summary>
    public string? DirectorPost { get; init; }

    /// <summary>The main OKVED code, for example <c>72.19</c>.</summary>
    public string? MainOkved { get; init; }

    /// <summary>
    /// The provider's answer for this entry as it came, for fields not normalized here. It never contains credentials.
    /// </summary>
    public required JsonObject Raw { get; init; }

    /// <inheritdoc />
    public override string ToString() => Kpp is null ? $"{ShortName} (INN {Inn})" : $"{ShortName} (INN {Inn}, KPP {Kpp})";
}
