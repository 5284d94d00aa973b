using CrmKit.Plugins.Requisites.Identifiers;

namespace CrmKit.Plugins.Requisites.Tests;

/// <summary>
/// The check rules against every vector of the research file: each valid value is accepted and each invalid one is
/// refused with the reason it is invalid for (the file says why in prose; the expected reason of each is stated here).
/// </summary>
public sealed class RussianIdentifiersTests
{
    /// <summary>The expected reason of every invalid vector, keyed by list and value.</summary>
    private static readonly Dictionary<(string List, string Value), IdentifierError> InvalidReasons = new()
    {
        [("inn_invalid", "7707083894")] = IdentifierError.Checksum,
        [("inn_invalid", "1234567895")] = IdentifierError.Checksum,
        [("inn_invalid", "123456789037")] = IdentifierError.Checksum,
        [("inn_invalid", "0000000000")] = IdentifierError.ZeroRegion,
        [("inn_invalid", "770708389")] = IdentifierError.Length,
        [("inn_invalid", "77070838931")] = IdentifierError.Length,
        [("inn_invalid", "7707О83893")] = IdentifierError.NotDigits,
        [("ogrn_invalid", "1022500001328")] = IdentifierError.Checksum,
        [("ogrn_invalid", "1027700132194")] = IdentifierError.Checksum,
        [("ogrn_invalid", "10277395526422")] = IdentifierError.Length,
        [("ogrnip_invalid", "304770000000009")] = IdentifierError.Checksum,
        [("ogrnip_invalid", "315774600002662123")] = IdentifierError.Length,
        [("kpp_invalid", "77360100")] = IdentifierError.Length,
        [("kpp_invalid", "7736010011")] = IdentifierError.Length,
        [("kpp_invalid", "77360a001")] = IdentifierError.Format,
        [("bank_account_invalid", "044525225/30101810400000000226")] = IdentifierError.Checksum,
        [("bank_account_invalid", "044525225/40702810938000000000")] = IdentifierError.Checksum,
    };

    public static TheoryData<string, string> ValidIdentifiers() => Rows("inn_valid", "ogrn_valid", "ogrnip_valid", "kpp_valid");

    public static TheoryData<string, string> InvalidIdentifiers() => Rows("inn_invalid", "ogrn_invalid", "ogrnip_invalid", "kpp_invalid");

    [Fact]
    public void VectorFile_ShouldHaveAnExpectedReasonForEveryInvalidValue()
    {
        var invalid = TestVectors.Lists.Where(l => l.EndsWith("_invalid", StringComparison.Ordinal)).ToList();
        invalid.ShouldBe(["inn_invalid", "ogrn_invalid", "ogrnip_invalid", "kpp_invalid", "bank_account_invalid"], ignoreOrder: true);
        var values = invalid.Where(l => l != "bank_account_invalid").SelectMany(l => TestVectors.Values(l).Select(v => (l, v)))
            .Concat(TestVectors.Accounts("bank_account_invalid").Select(a => ("bank_account_invalid", a.Bik + "/" + a.Account)));
        values.ShouldBe(InvalidReasons.Keys, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(ValidIdentifiers))]
    public void Check_ShouldAcceptEveryValidVector(string list, string value)
    {
        Check(list, value).ShouldBe(IdentifierError.None, $"{list}: {value}");
    }

    [Theory]
    [MemberData(nameof(InvalidIdentifiers))]
    public void Check_ShouldRefuseEveryInvalidVector_WithItsReason(string list, string value)
    {
        Check(list, value).ShouldBe(InvalidReasons[(list, value)], $"{list}: {value}");
    }

    [Fact]
    public void CheckAccount_ShouldAcceptEveryValidVector()
    {
        foreach (var (bik, account, kind) in TestVectors.Accounts("bank_account_valid"))
        {
            RussianIdentifiers.CheckBik(bik).ShouldBe(IdentifierError.None, bik);
            RussianIdentifiers.CheckAccount(bik, account, Kind(kind)).ShouldBe(IdentifierError.None, $"{bik}/{account} ({kind})");
        }
    }

    [Fact]
    public void CheckAccount_ShouldRefuseEveryInvalidVector_WithItsReason()
    {
        foreach (var (bik, account, kind) in TestVectors.Accounts("bank_account_invalid"))
        {
            RussianIdentifiers.CheckAccount(bik, account, Kind(kind)).ShouldBe(InvalidReasons[("bank_account_invalid", bik + "/" + account)]);
        }
    }

    [Fact]
    public void CheckAccount_ShouldTellTheCorrespondentKeyFromTheSettlementKey()
    {
        // Sberbank's correspondent account is valid as one, and fails when taken for a settlement account of the bank.
        RussianIdentifiers.CheckAccount("044525225", "30101810400000000225", BankAccountKind.Correspondent).ShouldBe(IdentifierError.None);
        RussianIdentifiers.CheckAccount("044525225", "30101810400000000225", BankAccountKind.Settlement).ShouldBe(IdentifierError.Checksum);
        RussianIdentifiers.CheckAccount("044525225", "40702810399994349242", BankAccountKind.Correspondent).ShouldBe(IdentifierError.Checksum);
    }

    [Theory]
    [InlineData("304770000000020")]
    [InlineData("304770000000031")]
    [InlineData("304770000000042")]
    public void CheckOgrnip_ShouldTakeTheLastDigitOfARemainderOfTenOrMore(string ogrnip)
    {
        RussianIdentifiers.CheckOgrnip(ogrnip).ShouldBe(IdentifierError.None);
        var wrong = ogrnip[..14] + (char)('0' + ((ogrnip[14] - '0' + 1) % 10));
        RussianIdentifiers.CheckOgrnip(wrong).ShouldBe(IdentifierError.Checksum);
    }

    [Theory]
    [InlineData("0012345678")]
    [InlineData("0000000000")]
    public void CheckInn_ShouldRefuseATenDigitInnStartingWithZeroZero(string inn)
    {
        RussianIdentifiers.CheckInn(inn).ShouldBe(IdentifierError.ZeroRegion);
    }

    [Theory]
    [InlineData("7707083893", nameof(IdentifierError.None))]
    [InlineData("781303761704", nameof(IdentifierError.Length))]
    public void CheckLegalEntityInn_ShouldWantTenDigits(string inn, string expectedName)
    {
        var expected = Enum.Parse<IdentifierError>(expectedName);
        RussianIdentifiers.CheckLegalEntityInn(inn).ShouldBe(expected);
        RussianIdentifiers.CheckIndividualInn(inn).ShouldBe(expected == IdentifierError.None ? IdentifierError.Length : IdentifierError.None);
    }

    [Theory]
    [InlineData("044525225", nameof(IdentifierError.None))]
    [InlineData("044579555", nameof(IdentifierError.None))]
    [InlineData("144525225", nameof(IdentifierError.Country))]
    [InlineData("04452522", nameof(IdentifierError.Length))]
    [InlineData("04452522A", nameof(IdentifierError.NotDigits))]
    [InlineData("", nameof(IdentifierError.Empty))]
    public void CheckBik_ShouldWantNineDigitsStartingWith04(string bik, string expected)
    {
        RussianIdentifiers.CheckBik(bik).ShouldBe(Enum.Parse<IdentifierError>(expected));
    }

    [Theory]
    [InlineData("27539247", nameof(IdentifierError.None))]          // ООО "МОТОРИКА" (the DaData payload)
    [InlineData("00032537", nameof(IdentifierError.None))]          // ПАО Сбербанк
    [InlineData("27539248", nameof(IdentifierError.Checksum))]
    [InlineData("2753924", nameof(IdentifierError.Length))]
    [InlineData("275392470", nameof(IdentifierError.Length))]
    [InlineData("27539247000001", nameof(IdentifierError.None))]    // a subdivision: the company's code and 6 digits
    public void CheckOkpo_ShouldApplyTheWeightedCheckDigit(string okpo, string expected)
    {
        RussianIdentifiers.CheckOkpo(okpo).ShouldBe(Enum.Parse<IdentifierError>(expected));
    }

    [Fact]
    public void CheckOkpo_ShouldUseTheSecondWeightsWhenTheFirstGiveTen()
    {
        // Found by search, so that the test does not depend on knowing such a code: the first digits whose sum with
        // weights 1..7 is 10 mod 11; the check digit then comes from weights 3..9.
        var body = Enumerable.Range(1_000_000, 1_000_000).Select(n => n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture))
            .First(b => b.Select((c, i) => (c - '0') * (i + 1)).Sum() % 11 == 10);
        var second = body.Select((c, i) => (c - '0') * (i + 3)).Sum() % 11 % 10;
        RussianIdentifiers.CheckOkpo(body + second).ShouldBe(IdentifierError.None);
        RussianIdentifiers.CheckOkpo(body + ((second + 1) % 10)).ShouldBe(IdentifierError.Checksum);
    }

    [Fact]
    public void Compact_ShouldRemoveWhiteSpaceButKeepLookAlikes()
    {
        IdentifierText.Compact("7707 083\u00a0893").ShouldBe("7707083893");
        RussianIdentifiers.CheckInn(IdentifierText.Compact(" 7707 083 893 ")).ShouldBe(IdentifierError.None);
        RussianIdentifiers.CheckInn(IdentifierText.Compact("7707 О83 893")).ShouldBe(IdentifierError.NotDigits);
        const string plain = "7707083893";
        IdentifierText.Compact(plain).ShouldBeSameAs(plain);
    }

    [Fact]
    public void Checks_ShouldNotAllocate()
    {
        RunChecks(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunChecks(1000);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    private static void RunChecks(int times)
    {
        for (var i = 0; i < times; i++)
        {
            RussianIdentifiers.CheckInn("7707083893");
            RussianIdentifiers.CheckInn("781303761704");
            RussianIdentifiers.CheckOgrn("1027700132195");
            RussianIdentifiers.CheckOgrnip("304770000000020");
            RussianIdentifiers.CheckKpp("773601001");
            RussianIdentifiers.CheckBik("044525225");
            RussianIdentifiers.CheckOkpo("27539247");
            RussianIdentifiers.CheckAccount("044525225", "40702810399994349242", BankAccountKind.Settlement);
        }
    }

    private static TheoryData<string, string> Rows(params string[] lists)
    {
        var data = new TheoryData<string, string>();
        foreach (var list in lists)
        {
            foreach (var value in TestVectors.Values(list))
            {
                data.Add(list, value);
            }
        }

        return data;
    }

    private static IdentifierError Check(string list, string value) => list.Split('_')[0] switch
    {
        "inn" => RussianIdentifiers.CheckInn(value),
        "ogrn" => RussianIdentifiers.CheckOgrn(value),
        "ogrnip" => RussianIdentifiers.CheckOgrnip(value),
        "kpp" => RussianIdentifiers.CheckKpp(value),
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    private static BankAccountKind Kind(string kind) => kind == "corr" ? BankAccountKind.Correspondent : BankAccountKind.Settlement;
}
