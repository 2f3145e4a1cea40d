using DliSession.Client.Auth;

namespace DliSession.Client.Tests.Auth;

public sealed class CredentialsFileTests
{
    [Fact]
    public void Keys_are_case_insensitive_values_trimmed_and_comments_skipped()
    {
        var file = CredentialsFile.Parse("creds", """
            # a comment
            ; another
            [basic]
              AK =  AKID  
            sk=se#cr;et
            project_id =

            [other]
            ak = other
            """);

        Assert.Equal("AKID", file.Value("basic", "ak"));
        Assert.Equal("se#cr;et", file.Value("basic", "SK"));
        Assert.Null(file.Value("basic", "project_id"));
        Assert.Equal("other", file.Value("other", "ak"));
        Assert.False(file.HasSection("Basic"));
    }

    [Fact]
    public void A_malformed_line_is_reported_by_number_without_its_text()
    {
        var error = Assert.Throws<DliCredentialException>(() =>
            CredentialsFile.Parse("creds", $"[basic]\nak = a\n{ResolverFixture.PlantedSecretKey}\n"));

        Assert.Contains("line 3", error.Message);
        Assert.DoesNotContain(ResolverFixture.PlantedSecretKey, error.ToString());
    }

    [Fact]
    public void A_key_before_any_section_is_an_error() =>
        Assert.Throws<DliCredentialException>(() => CredentialsFile.Parse("creds", "ak = a\n[basic]\n"));

    [Fact]
    public void The_path_comes_from_the_variable_else_the_home_directory()
    {
        Assert.Equal("custom", CredentialsFile.LocationFrom(_ => "custom", "home"));
        Assert.Equal(Path.Combine("home", ".huaweicloud", "credentials"), CredentialsFile.LocationFrom(_ => null, "home"));
        Assert.Null(CredentialsFile.LocationFrom(_ => null, null));
    }
}
