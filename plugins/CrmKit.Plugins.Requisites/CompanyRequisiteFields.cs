namespace CrmKit.Plugins.Requisites;

/// <summary>The fields the requisites plugin adds to the standard <c>company</c> entity.</summary>
public static class CompanyRequisiteFields
{
    /// <summary>The entity the fields are added to.</summary>
    public const string Entity = "company";

    /// <summary>
    /// What the company is: <see cref="LegalEntity"/> or <see cref="IndividualEntrepreneur"/>. When empty and an INN is
    /// given, it is set from the INN's length.
    /// </summary>
    public const string Kind = "company_kind";

    /// <summary>The <see cref="Kind"/> of a legal entity (10-digit INN, KPP, OGRN).</summary>
    public const string LegalEntity = "legal_entity";

    /// <summary>The <see cref="Kind"/> of an individual entrepreneur (12-digit INN, OGRNIP, no KPP).</summary>
    public const string IndividualEntrepreneur = "individual_entrepreneur";

    /// <summary>The INN.</summary>
    public const string Inn = "inn";

    /// <summary>The KPP (legal entities only).</summary>
    public const string Kpp = "kpp";

    /// <summary>The OGRN (legal entities only).</summary>
    public const string Ogrn = "ogrn";

    /// <summary>The OGRNIP (individual entrepreneurs only).</summary>
    public const string Ogrnip = "ogrnip";

    /// <summary>The OKPO code.</summary>
    public const string Okpo = "okpo";

    /// <summary>The legal (registered) address.</summary>
    public const string LegalAddress = "legal_address";

    /// <summary>The director's full name (for an entrepreneur, the entrepreneur).</summary>
    public const string DirectorName = "director_name";

    /// <summary>The director's post, for example <c>ГЕНЕРАЛЬНЫЙ ДИРЕКТОР</c>.</summary>
    public const string DirectorPost = "director_post";

    /// <summary>The bank accounts, each checked with its BIK.</summary>
    public const string BankAccounts = "bank_accounts";
}
