using CrmKit.Sdk.Files;

namespace CrmKit.Sdk.Tests.Files;

public class FileStoreKeysTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("attachments/2025/01/0190d7a4-5c1e-7b3a-9f00-0123456789ab")]
    [InlineData("documents/offer_v2.pdf")]
    [InlineData("a.b/.hidden/x-y_z")]
    public void IsValid_ShouldAccept_SafeKeys(string key)
    {
        FileStoreKeys.IsValid(key).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/attachments/a")]
    [InlineData("attachments/a/")]
    [InlineData("attachments//a")]
    [InlineData("../etc/passwd")]
    [InlineData("attachments/../../etc/passwd")]
    [InlineData("attachments/./a")]
    [InlineData("attachments\\a")]
    [InlineData("C:/a")]
    [InlineData("a b")]
    [InlineData("отчёт.pdf")]
    [InlineData("a\u0000b")]
    [InlineData("a\nb")]
    [InlineData("a?x=1")]
    [InlineData("a%2F..")]
    public void IsValid_ShouldRefuse_UnsafeKeys(string? key)
    {
        FileStoreKeys.IsValid(key).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_ShouldRefuse_TooLongSegment()
    {
        FileStoreKeys.IsValid(new string('a', 128)).ShouldBeTrue();
        FileStoreKeys.IsValid(new string('a', 129)).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_ShouldRefuse_TooManySegments()
    {
        FileStoreKeys.IsValid(string.Join('/', Enumerable.Repeat("a", 10))).ShouldBeTrue();
        FileStoreKeys.IsValid(string.Join('/', Enumerable.Repeat("a", 11))).ShouldBeFalse();
    }

    [Fact]
    public void IsValid_ShouldRefuse_TooLongKey()
    {
        var prefix = string.Join('/', Enumerable.Repeat(new string('a', 100), 5)) + "/";
        var longest = prefix + new string('b', 7);
        var tooLong = prefix + new string('b', 8);

        longest.Length.ShouldBe(FileStoreKeys.MaxLength);
        FileStoreKeys.IsValid(longest).ShouldBeTrue();
        FileStoreKeys.IsValid(tooLong).ShouldBeFalse();
    }

    [Fact]
    public void ThrowIfInvalid_ShouldNameTheArgument()
    {
        var error = Should.Throw<ArgumentException>(() => FileStoreKeys.ThrowIfInvalid("../x", "fileKey"));

        error.ParamName.ShouldBe("fileKey");
    }
}
