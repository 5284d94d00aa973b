namespace CrmKit.Plugins.Requisites;

/// <summary>The names (<c>x-crm-type</c>) of the field types the requisites plugin adds.</summary>
public static class RequisitesFieldTypes
{
    /// <summary>An INN, 10 digits (a legal entity) or 12 (an individual or entrepreneur), with the FNS check digits.</summary>
    public const string Inn = "ru.requisites.inn";

    /// <summary>A KPP: 9 characters, 4 digits, 2 digits or capital Latin letters, 3 digits.</summary>
    public const string Kpp = "ru.requisites.kpp";

    /// <summary>An OGRN of a legal entity: 13 digits with the mod 11 check digit.</summary>
    public const string Ogrn = "ru.requisites.ogrn";

    /// <summary>An OGRNIP of an individual entrepreneur: 15 digits with the mod 13 check digit.</summary>
    public const string Ogrnip = "ru.requisites.ogrnip";

    /// <summary>A BIK of a Russian bank: 9 digits starting with 04.</summary>
    public const string Bik = "ru.requisites.bik";

    /// <summary>An OKPO code: 8, 10 or 14 digits with its check digit.</summary>
    public const string Okpo = "ru.requisites.okpo";

    /// <summary>One bank account checked with its BIK: <c>{"bik", "account", "correspondent_account"?, "bank_name"?}</c>.</summary>
    public const string BankAccount = "ru.requisites.bank_account";

    /// <summary>A list of <see cref="BankAccount"/> values.</summary>
    public const string BankAccounts = "ru.requisites.bank_accounts";
}
