# The module's Microsoft.Extensions.* dependencies load in its own AssemblyLoadContext, so another module's
# versions of them (here the real 8.0.0 packages, restored by build/tools.csproj) load beside it in either order.
# Each order runs in a fresh pwsh, since an assembly loaded into a process stays there.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator
    Connect-TestEmulator $script:Emulator | Out-Null
    New-DliSession -ClusterName 'isolation' -Name 'isolation-1' | Out-Null

    $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $script:OtherModule = @(
        'Microsoft.Extensions.Primitives', 'Microsoft.Extensions.DependencyInjection.Abstractions',
        'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Options'
    ) | ForEach-Object { Join-Path $packages "$($_.ToLowerInvariant())/8.0.0/lib/net8.0/$_.dll" }
    foreach ($file in $OtherModule) {
        if (-not (Test-Path $file)) { throw "$file is missing: restore build/tools.csproj (build.ps1 Test does)." }
    }

    # What the child reports: whether each step worked, and every DliSession or Microsoft.Extensions assembly
    # loaded, with its version and load context.
    $script:Child = Join-Path $TestDrive 'load-order.ps1'
    Set-Content $Child @'
param([string] $Module, [string] $OtherFirst)
$ErrorActionPreference = 'Stop'
$OtherModule = $env:TEST_OTHER_MODULE -split [System.IO.Path]::PathSeparator
function Get-Loaded {
    [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(DliSession|Microsoft\.Extensions\.)' } |
        ForEach-Object { [pscustomobject]@{ Name = $_.GetName().Name; Version = "$($_.GetName().Version)"; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name } }
}
$result = [ordered]@{}
if ($OtherFirst -eq 'yes') { Add-Type -Path $OtherModule; $result.AddedOther = $true }
Import-Module $Module
$result.AfterImport = @(Get-Loaded)
$secret = ConvertTo-SecureString $env:TEST_DLI_SK -AsPlainText -Force
Connect-Dli -Endpoint $env:TEST_DLI_ENDPOINT -ProjectId $env:TEST_DLI_PROJECT -AccessKey $env:TEST_DLI_AK -SecretKey $secret
$result.Sessions = @(Get-DliSession -First 1 | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Type = $_.GetType().FullName } })
if ($OtherFirst -ne 'yes') { Add-Type -Path $OtherModule; $result.AddedOther = $true }
$result.Loaded = @(Get-Loaded)
$result | ConvertTo-Json -Depth 4
'@
    function Invoke-LoadOrder([switch] $OtherFirst) {
        $environment = @{
            TEST_DLI_ENDPOINT = $Emulator.BaseUri; TEST_DLI_PROJECT = $Emulator.ProjectId
            TEST_DLI_AK = $Emulator.AccessKey; TEST_DLI_SK = $Emulator.SecretKey
            TEST_OTHER_MODULE = $OtherModule -join [System.IO.Path]::PathSeparator
        }
        $run = Invoke-FreshPwsh -Path $Child -Environment $environment -ArgumentList @(
            '-Module', "$RepoRoot/out/DliSession/DliSession.psd1", '-OtherFirst', $(if ($OtherFirst) { 'yes' } else { 'no' }))
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | ConvertFrom-Json
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Another module''s Microsoft.Extensions 8.0 loaded first' {
    BeforeAll { $script:Run = Invoke-LoadOrder -OtherFirst }

    It 'lets the module call DLI with its own 10.0 assemblies' {
        $Run.Sessions | Should -HaveCount 1
        $Run.Sessions[0].Type | Should -BeExactly 'DliSession.Client.Models.SparkSession'
        $engineUses = @($Run.Loaded | Where-Object { $_.Context -eq 'DliSession.Dependencies' -and $_.Name -eq 'Microsoft.Extensions.Http' })
        $engineUses.Version | Should -Be '10.0.0.0'
    }

    It 'leaves the other module''s 8.0 assemblies the only Microsoft.Extensions in the default context' {
        $default = @($Run.Loaded | Where-Object { $_.Context -eq 'Default' -and $_.Name -like 'Microsoft.Extensions.*' })
        $default | Should -HaveCount 4
        $default | ForEach-Object { $_.Version | Should -Be '8.0.0.0' }
    }
}

Describe 'The module loaded and used first' {
    BeforeAll { $script:Run = Invoke-LoadOrder }

    It 'loads nothing of Dependencies into the default context at import' {
        # The import-time warm-up may already have loaded the engine, on its own thread: into the private context only.
        @($Run.AfterImport | Where-Object Context -notin 'Default', 'DliSession.Dependencies') | Should -BeNullOrEmpty
        @($Run.AfterImport | Where-Object Context -eq 'Default').Name | Sort-Object | Should -Be @('DliSession', 'DliSession.Client')
    }

    It 'lets the other module''s Add-Type of its 8.0 assemblies succeed afterwards' {
        $Run.Sessions | Should -HaveCount 1
        $Run.AddedOther | Should -BeTrue
    }

    It 'puts only the module''s own assemblies in the default context' {
        $default = @($Run.Loaded | Where-Object Context -eq 'Default')
        @($default | Where-Object Name -like 'DliSession*').Name | Sort-Object | Should -Be @('DliSession', 'DliSession.Client')
        @($default | Where-Object { $_.Name -like 'Microsoft.Extensions.*' -and $_.Version -ne '8.0.0.0' }) | Should -BeNullOrEmpty
        $private = @($Run.Loaded | Where-Object Context -eq 'DliSession.Dependencies')
        $private.Name | Should -Contain 'DliSession.Engine'
        $private.Name | Should -Contain 'Microsoft.Extensions.Http'
    }
}

Describe 'The published module''s layout' {
    It 'has only its own assemblies beside the manifest and everything else in Dependencies' {
        $module = "$RepoRoot/out/DliSession"
        @(Get-ChildItem $module -Filter *.dll).Name | Sort-Object | Should -Be @('DliSession.Client.dll', 'DliSession.dll')
        $dependencies = @(Get-ChildItem "$module/Dependencies" -Filter *.dll).Name
        $dependencies | Should -Contain 'DliSession.Engine.dll'
        $dependencies | Should -Contain 'Microsoft.Extensions.Http.dll'
    }
}
