namespace CrmKit.Plugins.Requisites.Identifiers;

/// <summary>Which kind of account a 20-digit number is: its key is computed with a different prefix.</summary>
internal enum BankAccountKind
{
    /// <summary>A settlement account (расчётный счёт) of a customer in the bank: prefix = the BIK's last 3 digits.</summary>
    Settlement = 0,

    /// <summary>The bank's correspondent account (корреспондентский счёт): prefix = "0" and the BIK's 5th and 6th digits.</summary>
    Correspondent = 1,
}
