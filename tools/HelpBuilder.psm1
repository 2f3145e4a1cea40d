<#
Help tooling for build.ps1; never shipped. The pages in docs/en-US (platyPS 0.14 markdown, schema 2.0.0) are the
source of truth: Export-MamlHelp turns them into the MAML Get-Help reads, and Update-HelpMarkdown keeps their SYNTAX
and parameter blocks in step with the cmdlets, as platyPS's Update-MarkdownHelp would, since platyPS is not available.
#>
Set-StrictMode -Version Latest

# Parameters PowerShell gives every cmdlet: documented once, under CommonParameters. Taking them from PowerShell
# itself keeps -ProgressAction and any later addition out of the parameter blocks. -WhatIf and -Confirm, which only
# ShouldProcess cmdlets have, get blocks of their own (as platyPS writes them), so Get-Help shows them in SYNTAX and
# PARAMETERS.
$script:CommonNames = [System.Management.Automation.PSCmdlet]::CommonParameters
$script:ShouldProcessHelp = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run, and nothing is sent to DLI.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$script:AllSets = '__AllParameterSets'
$script:Fence = '^\s*```'
$script:Placeholder = '{{{{ Fill {0} }}}}'   # -f doubles braces: this is '{{ Fill <what> }}'

function Get-HelpTypeName {
    # The short type name pages show: String[], Dictionary[String, String]; int? binds as int, so it reads as Int32.
    param([Parameter(Mandatory)] [type] $Type)
    if ($Type.IsArray) { return (Get-HelpTypeName $Type.GetElementType()) + '[]' }
    if ($underlying = [Nullable]::GetUnderlyingType($Type)) { return Get-HelpTypeName $underlying }
    if ($Type.IsGenericType) {
        return $Type.Name.Split('`')[0] + '[' + (($Type.GenericTypeArguments | ForEach-Object { Get-HelpTypeName $_ }) -join ', ') + ']'
    }
    $Type.Name
}

function Format-PipelineInput {
    param([bool] $ByValue, [bool] $ByPropertyName)
    $ways = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
}

function Get-CommandParameterHelp {
    <#
    .SYNOPSIS
    The parameter blocks a page must hold for a command: one per parameter and distinct (Required, Position,
    pipeline input) across its parameter sets, as the platyPS schema asks.
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)
    $setNames = @($Command.ParameterSets.Name)
    foreach ($parameter in $Command.Parameters.Values) {
        if ($parameter.Name -in $script:CommonNames) { continue }
        $attributes = $parameter.Attributes
        $validateSet = @($attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] })
        $groups = [ordered]@{}
        foreach ($set in $setNames) {
            $meta = $parameter.ParameterSets[$set]
            if (-not $meta) { $meta = $parameter.ParameterSets[$script:AllSets] }
            if (-not $meta) { continue }
            $position = if ($meta.Position -ge 0) { "$($meta.Position)" } else { 'Named' }
            $pipeline = Format-PipelineInput $meta.ValueFromPipeline $meta.ValueFromPipelineByPropertyName
            $key = "$($meta.IsMandatory)|$position|$pipeline"
            if (-not $groups.Contains($key)) {
                $groups[$key] = [pscustomobject]@{ Required = $meta.IsMandatory; Position = $position; PipelineInput = $pipeline; Sets = [Collections.Generic.List[string]]::new() }
            }
            $groups[$key].Sets.Add($set)
        }
        foreach ($group in $groups.Values) {
            [pscustomobject]@{
                Name           = $parameter.Name
                Type           = Get-HelpTypeName $parameter.ParameterType
                Sets           = if ($group.Sets.Count -eq $setNames.Count) { @('(All)') } else { @($group.Sets) }
                Aliases        = @($parameter.Aliases)
                AcceptedValues = @($validateSet | ForEach-Object { $_.ValidValues })
                Required       = $group.Required
                Position       = $group.Position
                PipelineInput  = $group.PipelineInput
                Wildcard       = [bool]($attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            }
        }
    }
}

function Split-MarkdownSection {
    # Splits lines at headings of one level, ignoring lines inside code fences (a '# comment' in an example is code).
    param([string[]] $Lines, [Parameter(Mandatory)] [int] $Level)
    $heading = '^' + ('#' * $Level) + ' (.+?)\s*$'
    $sections = [Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = $null; Lines = [Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match $script:Fence) { $inFence = -not $inFence }
        if (-not $inFence -and $line -match $heading) {
            $sections.Add($current)
            $current = [pscustomobject]@{ Title = $Matches[1]; Lines = [Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $sections.Add($current)
    $sections
}

function Get-Paragraph {
    # Text outside code fences as paragraphs: blank lines separate them, and each list item is one.
    param([string[]] $Lines)
    $paragraphs = [Collections.Generic.List[string]]::new()
    $current = @()
    $inFence = $false
    foreach ($line in @($Lines) + '') {
        if ($line -match $script:Fence) { $inFence = -not $inFence; continue }
        if ($inFence) { continue }
        if (($line.Trim() -eq '' -or $line -match '^\s*[-*] ') -and $current) { $paragraphs.Add($current -join ' '); $current = @() }
        if ($line.Trim() -ne '') { $current += $line.Trim() }
    }
    $paragraphs
}

function Get-FencedBlock {
    # The contents of every code fence in the lines, with the fence's language.
    param([string[]] $Lines)
    $block = $null
    foreach ($line in $Lines) {
        if ($line -match '^\s*```\s*(\S*)') {
            if ($null -eq $block) { $block = [pscustomobject]@{ Language = $Matches[1]; Lines = [Collections.Generic.List[string]]::new() } }
            else { [pscustomobject]@{ Language = $block.Language; Code = $block.Lines -join "`n" }; $block = $null }
        }
        elseif ($null -ne $block) { $block.Lines.Add($line) }
    }
}

function ConvertFrom-ParameterYaml {
    # One yaml block of a parameter: the flat 'Key: value' lines platyPS writes.
    param([Parameter(Mandatory)] [string] $Name, [string] $Description, [Parameter(Mandatory)] [string] $Yaml)
    $values = @{}
    foreach ($line in $Yaml -split "`n") { if ($line -match '^([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() } }
    $list = { param($key) @(if ($values[$key]) { $values[$key] -split ',\s*' }) }
    [pscustomobject]@{
        Name           = $Name
        Description    = $Description
        Type           = $values['Type']
        Sets           = & $list 'Parameter Sets'
        Aliases        = & $list 'Aliases'
        AcceptedValues = & $list 'Accepted values'
        Required       = $values['Required'] -eq 'True'
        Position       = $values['Position']
        DefaultValue   = $values['Default value']
        PipelineInput  = $values['Accept pipeline input']
        Wildcard       = $values['Accept wildcard characters'] -eq 'True'
    }
}

function Read-HelpMarkdown {
    <#
    .SYNOPSIS
    Reads a cmdlet page into what MAML and the drift test need.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $lines = (Get-Content -Raw -LiteralPath $Path) -replace "`r", '' -split "`n"
    $top = Split-MarkdownSection $lines -Level 1
    $frontMatter = @{}
    foreach ($line in $top[0].Lines) { if ($line -match '^([^:]+):\s*(.*)$') { $frontMatter[$Matches[1].Trim()] = $Matches[2].Trim() } }
    $sections = @{}
    foreach ($section in Split-MarkdownSection $top[1].Lines -Level 2) { if ($section.Title) { $sections[$section.Title] = $section.Lines.ToArray() } }
    $sub = { param($title) @(Split-MarkdownSection $sections[$title] -Level 3 | Where-Object Title) }

    $syntaxSets = @(& $sub 'SYNTAX' | ForEach-Object {
            [pscustomobject]@{ Name = $_.Title -replace ' \(Default\)$'; IsDefault = $_.Title -like '* (Default)' }
        })
    $parameters = @(& $sub 'PARAMETERS' | Where-Object Title -ne 'CommonParameters' | ForEach-Object {
            $name = $_.Title.TrimStart('-')
            $description = (Get-Paragraph $_.Lines) -join "`n`n"
            Get-FencedBlock $_.Lines | Where-Object Language -eq 'yaml' | ForEach-Object { ConvertFrom-ParameterYaml $name $description $_.Code }
        })
    $examples = @(& $sub 'EXAMPLES' | ForEach-Object {
            $code = @(Get-FencedBlock $_.Lines)
            [pscustomobject]@{ Title = $_.Title; Code = if ($code) { $code[0].Code } else { '' }; Remarks = @(Get-Paragraph $_.Lines) }
        })
    $typed = { param($title) @(& $sub $title | ForEach-Object { [pscustomobject]@{ Type = $_.Title; Description = @(Get-Paragraph $_.Lines) } }) }
    $links = @(foreach ($line in $sections['RELATED LINKS']) {
            foreach ($match in [regex]::Matches($line, '\[([^\]]+)\]\(([^)]*)\)')) { [pscustomobject]@{ Text = $match.Groups[1].Value; Uri = $match.Groups[2].Value } }
        })
    [pscustomobject]@{
        Path        = $Path
        Name        = $top[1].Title
        FrontMatter = $frontMatter
        Synopsis    = (Get-Paragraph $sections['SYNOPSIS']) -join ' '
        Description = @(Get-Paragraph $sections['DESCRIPTION'])
        SyntaxSets  = $syntaxSets
        Parameters  = $parameters
        Examples    = $examples
        Inputs      = & $typed 'INPUTS'
        Outputs     = & $typed 'OUTPUTS'
        Notes       = @(Get-Paragraph $sections['NOTES'])
        Links       = $links
    }
}

function Expand-ParameterSet {
    <#
    .SYNOPSIS
    A page's parameters per parameter set: one row per (parameter, set), '(All)' spelled out from the SYNTAX headings.
    #>
    param([Parameter(Mandatory)] $Page)
    foreach ($parameter in $Page.Parameters) {
        $sets = if ($parameter.Sets -contains '(All)') { $Page.SyntaxSets.Name } else { $parameter.Sets }
        foreach ($set in $sets) {
            [pscustomobject]@{ Set = $set; Parameter = $parameter.Name; Required = $parameter.Required; Position = $parameter.Position; PipelineInput = $parameter.PipelineInput }
        }
    }
}

function Format-ParameterBlock {
    param([Parameter(Mandatory)] $Block, [string] $DefaultValue)
    if (-not $DefaultValue) { $DefaultValue = if ($Block.Type -eq 'SwitchParameter') { 'False' } else { 'None' } }
    '```yaml'
    "Type: $($Block.Type)"
    "Parameter Sets: $($Block.Sets -join ', ')"
    "Aliases: $($Block.Aliases -join ', ')".TrimEnd()
    if ($Block.AcceptedValues) { "Accepted values: $($Block.AcceptedValues -join ', ')" }
    ''
    "Required: $($Block.Required)"
    "Position: $($Block.Position)"
    "Default value: $DefaultValue"
    "Accept pipeline input: $($Block.PipelineInput)"
    "Accept wildcard characters: $($Block.Wildcard)"
    '```'
}

function Format-SyntaxSection {
    # PowerShell's own syntax line per parameter set, so the page reads like Get-Command -Syntax.
    param([Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)
    foreach ($set in $Command.ParameterSets) {
        ''
        '### ' + $set.Name + $(if ($set.IsDefault) { ' (Default)' })
        '```'
        "$($Command.Name) $set"
        '```'
    }
    ''
}

function Format-ParametersSection {
    # Parameter blocks from the command; descriptions and default values are the page's, placeholders where it has none.
    param([Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command, [object[]] $Existing = @())
    ''
    foreach ($group in Get-CommandParameterHelp $Command | Group-Object Name) {
        $written = @($Existing | Where-Object Name -eq $group.Name)
        $description = if ($written -and $written[0].Description) { $written[0].Description }
        elseif ($script:ShouldProcessHelp.ContainsKey($group.Name)) { $script:ShouldProcessHelp[$group.Name] }
        else { $script:Placeholder -f "$($group.Name) Description" }
        "### -$($group.Name)"
        $description
        ''
        for ($i = 0; $i -lt $group.Count; $i++) {
            $default = if ($written) { $written[[Math]::Min($i, $written.Count - 1)].DefaultValue }
            Format-ParameterBlock $group.Group[$i] $default
            ''
        }
    }
    '### CommonParameters'
    $common = @([System.Management.Automation.PSCmdlet]::CommonParameters | ForEach-Object { "-$_" })
    $text = "This cmdlet supports the common parameters: $($common[0..($common.Count - 2)] -join ', '), and $($common[-1])."
    "$text For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216)."
    ''
}

function New-HelpMarkdown {
    <#
    .SYNOPSIS
    The page of a cmdlet that has none yet: metadata filled in, prose left as placeholders the drift test rejects.
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command)
    $inputs = @($Command.Parameters.Values | Where-Object { $_.Name -notin $script:CommonNames -and ($_.ParameterSets.Values | Where-Object ValueFromPipeline) } |
        ForEach-Object { $_.ParameterType.FullName } | Select-Object -Unique)
    $outputs = @($Command.OutputType | ForEach-Object Name)
    @(
        '---'
        "external help file: $($Command.ImplementingType.Assembly.GetName().Name).dll-Help.xml"
        "Module Name: $($Command.ModuleName)"
        'online version:'
        'schema: 2.0.0'
        '---'
        ''
        "# $($Command.Name)"
        ''
        '## SYNOPSIS'
        ($script:Placeholder -f 'in the Synopsis')
        ''
        '## SYNTAX'
        Format-SyntaxSection $Command
        '## DESCRIPTION'
        ($script:Placeholder -f 'in the Description')
        ''
        '## EXAMPLES'
        ''
        '### Example 1'
        '```powershell'
        ($script:Placeholder -f 'in example code')
        '```'
        ''
        ($script:Placeholder -f 'in the example description')
        ''
        '## PARAMETERS'
        Format-ParametersSection $Command
        '## INPUTS'
        foreach ($type in $(if ($inputs) { $inputs } else { 'None' })) { ''; "### $type"; '' }
        '## OUTPUTS'
        foreach ($type in $(if ($outputs) { $outputs } else { 'None' })) { ''; "### $type"; '' }
        '## NOTES'
        ''
        '## RELATED LINKS'
        ''
        '[about_DliSession](about_DliSession.help.txt)'
        ''
    ) -join "`n"
}

function Update-HelpMarkdown {
    <#
    .SYNOPSIS
    Brings docs/<culture> in step with a module: a page for each new cmdlet, SYNTAX and parameter blocks rewritten
    from metadata on existing pages (their prose kept), and the module page's cmdlet list.
    #>
    param([Parameter(Mandatory)] [string] $Module, [Parameter(Mandatory)] [string] $Path)
    $commands = Get-Command -Module $Module -CommandType Cmdlet | Sort-Object Name
    foreach ($command in $commands) {
        $page = Join-Path $Path "$($command.Name).md"
        if (-not (Test-Path $page)) {
            Write-Host "New page: $page"
            Set-Content -LiteralPath $page -Value (New-HelpMarkdown $command) -NoNewline
            continue
        }
        $existing = Read-HelpMarkdown $page
        $lines = (Get-Content -Raw -LiteralPath $page) -replace "`r", '' -split "`n"
        $rewritten = foreach ($section in Split-MarkdownSection $lines -Level 2) {
            if ($section.Title) { "## $($section.Title)" }
            switch ($section.Title) {
                'SYNTAX' { Format-SyntaxSection $command }
                'PARAMETERS' { Format-ParametersSection $command $existing.Parameters }
                default { $section.Lines }
            }
        }
        Set-Content -LiteralPath $page -Value (($rewritten -join "`n").TrimEnd() + "`n") -NoNewline
    }
    Update-ModulePage -Module (Get-Module $Module) -Path $Path
}

function Update-ModulePage {
    # Rewrites the cmdlet list of <Module>.md from the cmdlet pages' synopses, keeping its description.
    param([Parameter(Mandatory)] [psmoduleinfo] $Module, [Parameter(Mandatory)] [string] $Path)
    $page = Join-Path $Path "$($Module.Name).md"
    $description = if (Test-Path $page) {
        $sections = Split-MarkdownSection ((Get-Content -Raw -LiteralPath $page) -replace "`r", '' -split "`n") -Level 2
        (@($sections | Where-Object Title -eq 'Description')[0].Lines -join "`n").Trim()
    }
    if (-not $description) { $description = $script:Placeholder -f 'in the module description' }
    $cmdlets = foreach ($name in $Module.ExportedCmdlets.Keys | Sort-Object) {
        $synopsis = (Read-HelpMarkdown (Join-Path $Path "$name.md")).Synopsis
        "### [$name]($name.md)"; $synopsis; ''
    }
    $text = @(
        '---'
        "Module Name: $($Module.Name)"
        "Module Guid: $($Module.Guid)"
        'Download Help Link:'
        "Help Version: $($Module.Version)"
        'Locale: en-US'
        '---'
        ''
        "# $($Module.Name) Module"
        ''
        '## Description'
        $description
        ''
        "## $($Module.Name) Cmdlets"
        ''
        $cmdlets
    ) -join "`n"
    $text = $text.TrimEnd() + "`n"
    Set-Content -LiteralPath $page -Value $text -NoNewline
}

function Write-MamlParameter {
    param([Parameter(Mandatory)] [System.Xml.XmlWriter] $Writer, [Parameter(Mandatory)] $Parameter, [switch] $InSyntax)
    $ns = Get-MamlNamespace
    $isSwitch = $Parameter.Type -eq 'SwitchParameter'
    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', "$($Parameter.Required)".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', "$($Parameter.Wildcard)".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Parameter.PipelineInput)
    $Writer.WriteAttributeString('position', $(if ($Parameter.Position -eq 'Named') { 'named' } else { $Parameter.Position }))
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    Write-MamlDescription $Writer ($Parameter.Description -split "`n`n")
    if ($Parameter.AcceptedValues) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $Parameter.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # Get-Help shows a switch in SYNTAX without a value; PARAMETERS still names its type.
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', "$(-not $isSwitch)".ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Type)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, $Parameter.DefaultValue)
    $Writer.WriteEndElement()
}

function Get-MamlNamespace {
    @{ msh = 'http://msh'; maml = 'http://schemas.microsoft.com/maml/2004/10'; command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'; dev = 'http://schemas.microsoft.com/maml/dev/2004/10' }
}

function Write-MamlDescription {
    param([Parameter(Mandatory)] [System.Xml.XmlWriter] $Writer, [string[]] $Paragraph, [string] $Element = 'description')
    $ns = Get-MamlNamespace
    $Writer.WriteStartElement('maml', $Element, $ns.maml)
    foreach ($text in @($Paragraph | Where-Object { $_ })) { $Writer.WriteElementString('maml', 'para', $ns.maml, $text) }
    $Writer.WriteEndElement()
}

function Write-MamlTypeList {
    # INPUTS or OUTPUTS: each type with its description.
    param([System.Xml.XmlWriter] $Writer, [string] $List, [string] $Item, [object[]] $Types)
    $ns = Get-MamlNamespace
    $Writer.WriteStartElement('command', $List, $ns.command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement('command', $Item, $ns.command)
        $Writer.WriteStartElement('dev', 'type', $ns.dev)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $type.Type)
        $Writer.WriteEndElement()
        Write-MamlDescription $Writer $type.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-MamlCommand {
    param([Parameter(Mandatory)] [System.Xml.XmlWriter] $Writer, [Parameter(Mandatory)] $Page)
    $ns = Get-MamlNamespace
    $Writer.WriteStartElement('command', 'command', $ns.command)
    foreach ($prefix in 'maml', 'command', 'dev') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $ns.command)
    $verb, $noun = $Page.Name -split '-', 2
    $Writer.WriteElementString('command', 'name', $ns.command, $Page.Name)
    $Writer.WriteElementString('command', 'verb', $ns.command, $verb)
    $Writer.WriteElementString('command', 'noun', $ns.command, $noun)
    Write-MamlDescription $Writer $Page.Synopsis
    $Writer.WriteEndElement()
    Write-MamlDescription $Writer $Page.Description

    # One syntax item per parameter set: positional parameters first, by position, then the page's order.
    $rows = @(Expand-ParameterSet $Page)
    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $Page.SyntaxSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $Page.Name)
        $inSet = @($rows | Where-Object Set -eq $set.Name | ForEach-Object {
                $row = $_
                $block = @($Page.Parameters | Where-Object { $_.Name -eq $row.Parameter -and ($_.Sets -contains $set.Name -or $_.Sets -contains '(All)') })[0]
                [pscustomobject]@{ Block = $block; Order = if ($row.Position -eq 'Named') { [int]::MaxValue } else { [int]$row.Position } }
            })
        foreach ($entry in $inSet | Sort-Object Order -Stable) { Write-MamlParameter $Writer $entry.Block -InSyntax }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($group in $Page.Parameters | Group-Object Name) { Write-MamlParameter $Writer $group.Group[0] }
    $Writer.WriteEndElement()

    Write-MamlTypeList $Writer 'inputTypes' 'inputType' $Page.Inputs
    Write-MamlTypeList $Writer 'returnValues' 'returnValue' $Page.Outputs
    $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
    Write-MamlDescription $Writer $Page.Notes -Element 'alert'
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $ns.command)
        $Writer.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $ns.dev, $example.Code)
        Write-MamlDescription $Writer $example.Remarks -Element 'remarks'
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Relative links name other pages; in a console only their names are useful.
    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Page.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $ns.maml, $(if ($link.Uri -match '^https?://') { $link.Uri } else { '' }))
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Export-MamlHelp {
    <#
    .SYNOPSIS
    Writes <Destination>/<external help file> from the cmdlet pages in Path, and copies the about topics beside it.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Destination)
    $pages = @(Get-ChildItem -LiteralPath $Path -Filter '*-*.md' | Sort-Object Name | ForEach-Object { Read-HelpMarkdown $_.FullName })
    $null = New-Item -ItemType Directory -Force -Path $Destination
    foreach ($file in $pages | Group-Object { $_.FrontMatter['external help file'] }) {
        $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
        $writer = [System.Xml.XmlWriter]::Create((Join-Path $Destination $file.Name), $settings)
        try {
            $writer.WriteStartDocument()
            $writer.WriteStartElement('helpItems', (Get-MamlNamespace).msh)
            $writer.WriteAttributeString('schema', 'maml')
            foreach ($page in $file.Group) { Write-MamlCommand $writer $page }
            $writer.WriteEndElement()
        }
        finally { $writer.Dispose() }
    }
    Copy-Item -Path (Join-Path $Path 'about_*.help.txt') -Destination $Destination
}

Export-ModuleMember -Function Get-HelpTypeName, Get-CommandParameterHelp, Read-HelpMarkdown, Expand-ParameterSet, New-HelpMarkdown,
    Update-HelpMarkdown, Export-MamlHelp
