namespace CrmKit.Plugins.Egrul.Company;

/// <summary>
/// The company fields the plugin reads and fills: the standard model's, the requisites plugin's (<c>ru.requisites</c>,
/// a dependency) and its own <c>egrul_*</c> fields.
/// </summary>
public static class CompanyFields
{
    /// <summary>The entity.</summary>
    public const string Entity = "company";

    /// <summary>The display name (standard model); filled when empty.</summary>
    public const string Name = "name";

    /// <summary>The legal name (standard model): the registry's full name with the legal form.</summary>
    public const string LegalName = "legal_name";

    /// <summary>The requisites plugin's kind: <c>legal_entity</c> or <c>individual_entrepreneur</c>.</summary>
    public const string Kind = "company_kind";

    /// <summary>The INN (requisites plugin).</summary>
    public const string Inn = "inn";

    /// <summary>The KPP (requisites plugin).</summary>
    public const string Kpp = "kpp";

    /// <summary>The OGRN (requisites plugin).</summary>
    public const string Ogrn = "ogrn";

    /// <summary>The OGRNIP (requisites plugin).</summary>
    public const string Ogrnip = "ogrnip";

    /// <summary>The OKPO code (requisites plugin).</summary>
    public const string Okpo = "okpo";

    /// <summary>The legal address (requisites plugin).</summary>
    public const string LegalAddress = "legal_address";

    /// <summary>The director's name (requisites plugin).</summary>
    public const string DirectorName = "director_name";

    /// <summary>The director's post (requisites plugin).</summary>
    public const string DirectorPost = "director_post";

    /// <summary>The registry status as DaData gives it (ACTIVE, LIQUIDATING, LIQUIDATED, BANKRUPT, REORGANIZING or another).</summary>
    public const string Status = "egrul_status";

    /// <summary>The visible flag: true when the registry says the company is liquidating, liquidated or bankrupt.</summary>
    public const string Inactive = "egrul_inactive";

    /// <summary>The registration date in the registry.</summary>
    public const string RegistrationDate = "egrul_registration_date";

    /// <summary>The liquidation date, for a liquidated company.</summary>
    public const string LiquidationDate = "egrul_liquidation_date";

    /// <summary>The main OKVED code.</summary>
    public const string Okved = "egrul_okved";

    /// <summary>When the registry was last asked about the company.</summary>
    public const string CheckedAt = "egrul_checked_at";

    /// <summary>How the last registry fill went: <see cref="SyncOk"/>, <see cref="SyncPending"/> or <see cref="SyncNotFound"/>.</summary>
    public const string SyncState = "egrul_sync_state";

    /// <summary>The registry's data was filled in.</summary>
    public const string SyncOk = "ok";

    /// <summary>The provider was down when the company was saved; the fill is retried in the background.</summary>
    public const string SyncPending = "pending";

    /// <summary>The registry has no company with this INN.</summary>
    public const string SyncNotFound = "not_found";

    /// <summary>The requisites plugin's kind values.</summary>
    public const string LegalEntity = "legal_entity";

    /// <summary>The requisites plugin's kind values.</summary>
    public const string IndividualEntrepreneur = "individual_entrepreneur";
}
