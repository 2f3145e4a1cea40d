using DliSession.Client.Models;

namespace DliSession.Client.Tests.Models;

/// <summary>Memory as users write it in PowerShell, turned into what Spark reads; DLI fails late on a unitless value.</summary>
public sealed class SparkMemoryTests
{
    public static TheoryData<object, string> Accepted => new()
    {
        { "2G", "2g" }, { "2GB", "2g" }, { "2048M", "2048m" }, { "2048 MB", "2048m" }, { "2gib", "2g" }, { " 4 g ", "4g" },
        { "010G", "10g" }, { "1024k", "1024k" },
        { 2147483648L, "2g" },            // PowerShell's 2GB
        { 1610612736L, "1536m" },         // PowerShell's 1536MB
        { 1610612736.0, "1536m" },        // PowerShell's 1.5GB is a double
        { 1073741824, "1g" },             // an int from [int]1GB
        { "2147483648", "2g" },
        { "1.5G", "1536m" }, { "2.5G", "2560m" }, { "0.5 GB", "512m" }, { "1.25t", "1280g" },  // fractions that are whole kilobytes
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_forms_become_a_number_and_one_letter(object value, string expected) =>
        Assert.Equal(expected, SparkMemory.Normalize(value));

    public static TheoryData<object> Rejected => new()
    {
        "", "2", "2048", "abc", "1.3G", "0.5M", "1.0001K", "-2G", "0G", "2 GBs", "G", 0, -1, 1.5, 1048575L, 1048577L, "12k", true,
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_forms_fail_with_an_example_of_what_works(object value)
    {
        var failure = Assert.Throws<ArgumentException>(() => SparkMemory.Normalize(value));
        Assert.Contains(SparkMemory.Example, failure.Message);
        Assert.Contains(value.ToString()!, failure.Message);
    }
}
