// The skins of themes/, embedded so the binary works from any directory. DashboardTests checks that this
// copy matches themes/ (SWITCHBOARD_UPDATE_GOLDEN=1 rewrites it).

enum BundledThemes {
    static let files: [(name: String, contents: String)] = [
        ("default", ##"""
# -----------------------------------------------------------------------------
# Switchboard default skin (k9s skin format)
#
# Keeps the terminal's own background and draws k9s-like accents on it, for
# dark terminals. Every k9s skin works with `switchboard --theme FILE`, and these
# files work in k9s (copy one to ~/.config/k9s/skins/).
# -----------------------------------------------------------------------------
k9s:
  body:
    fgColor: default
    bgColor: default
    logoColor: orange
  prompt:
    fgColor: default
    bgColor: default
    suggestColor: gray
  info:
    fgColor: gray
    sectionColor: default
  dialog:
    fgColor: black
    bgColor: lightskyblue
    buttonFgColor: black
    buttonBgColor: dodgerblue
    buttonFocusFgColor: white
    buttonFocusBgColor: orangered
    labelFgColor: fuchsia
    fieldFgColor: default
  frame:
    border:
      fgColor: dodgerblue
      focusColor: dodgerblue
    menu:
      fgColor: gray
      keyColor: dodgerblue
      numKeyColor: fuchsia
    crumbs:
      fgColor: black
      bgColor: steelblue
      activeColor: orange
    status:
      newColor: lightskyblue
      modifyColor: greenyellow
      addColor: aqua
      errorColor: orangered
      pendingColor: darkorange
      highlightColor: aqua
      killColor: mediumpurple
      completedColor: gray
    title:
      fgColor: aqua
      bgColor: default
      highlightColor: fuchsia
      counterColor: papayawhip
      filterColor: seagreen
  views:
    table:
      fgColor: default
      bgColor: default
      cursorFgColor: black
      cursorBgColor: aqua
      markColor: darkgoldenrod
      header:
        fgColor: default
        bgColor: default
        sorterColor: orange
    xray:
      fgColor: lightskyblue
      bgColor: default
      cursorColor: aqua
      graphicColor: darkgoldenrod
      showIcons: false
    yaml:
      keyColor: steelblue
      colonColor: default
      valueColor: papayawhip
    logs:
      fgColor: default
      bgColor: default
  help:
    fgColor: default
    bgColor: default
    sectionColor: orange
    keyColor: dodgerblue
    numKeyColor: fuchsia
"""##),
        ("high-contrast", ##"""
# -----------------------------------------------------------------------------
# Switchboard high-contrast skin (k9s skin format): pure colours on black, from
# the 16 basic terminal colours only, so it reads the same on 8- and 16-colour
# terminals.
# -----------------------------------------------------------------------------
k9s:
  body:
    fgColor: white
    bgColor: black
    logoColor: yellow
  prompt:
    fgColor: white
    bgColor: black
    suggestColor: silver
  info:
    fgColor: silver
    sectionColor: white
  dialog:
    fgColor: black
    bgColor: white
    buttonFgColor: black
    buttonBgColor: silver
    buttonFocusFgColor: black
    buttonFocusBgColor: yellow
    labelFgColor: black
    fieldFgColor: black
  frame:
    border:
      fgColor: white
      focusColor: white
    menu:
      fgColor: white
      keyColor: yellow
      numKeyColor: aqua
    crumbs:
      fgColor: black
      bgColor: white
      activeColor: yellow
    status:
      newColor: white
      modifyColor: aqua
      addColor: lime
      errorColor: red
      pendingColor: yellow
      highlightColor: aqua
      killColor: fuchsia
      completedColor: silver
    title:
      fgColor: white
      bgColor: black
      highlightColor: yellow
      counterColor: aqua
      filterColor: lime
  views:
    table:
      fgColor: white
      bgColor: black
      cursorFgColor: black
      cursorBgColor: yellow
      markColor: aqua
      header:
        fgColor: black
        bgColor: white
        sorterColor: black
    xray:
      fgColor: white
      bgColor: black
      cursorColor: yellow
      graphicColor: aqua
      showIcons: false
    yaml:
      keyColor: yellow
      colonColor: white
      valueColor: white
    logs:
      fgColor: white
      bgColor: black
  help:
    fgColor: white
    bgColor: black
    sectionColor: yellow
    keyColor: aqua
    numKeyColor: lime
"""##),
        ("light", ##"""
# -----------------------------------------------------------------------------
# Switchboard light skin (k9s skin format): dark text on a white background.
# -----------------------------------------------------------------------------
foreground: &foreground "#24292f"
background: &background "#ffffff"
muted: &muted "#6e7781"
blue: &blue "#0969da"
navy: &navy "#0550ae"
green: &green "#116329"
orange: &orange "#bc4c00"
amber: &amber "#9a6700"
red: &red "#cf222e"
purple: &purple "#8250df"
selection: &selection "#ddf4ff"

k9s:
  body:
    fgColor: *foreground
    bgColor: *background
    logoColor: *orange
  prompt:
    fgColor: *foreground
    bgColor: *background
    suggestColor: *muted
  info:
    fgColor: *muted
    sectionColor: *foreground
  dialog:
    fgColor: *foreground
    bgColor: *selection
    buttonFgColor: *background
    buttonBgColor: *blue
    buttonFocusFgColor: *background
    buttonFocusBgColor: *red
    labelFgColor: *purple
    fieldFgColor: *foreground
  frame:
    border:
      fgColor: *blue
      focusColor: *blue
    menu:
      fgColor: *muted
      keyColor: *blue
      numKeyColor: *purple
    crumbs:
      fgColor: *background
      bgColor: *navy
      activeColor: *orange
    status:
      newColor: *foreground
      modifyColor: *purple
      addColor: *green
      errorColor: *red
      pendingColor: *amber
      highlightColor: *blue
      killColor: *purple
      completedColor: *muted
    title:
      fgColor: *navy
      bgColor: *background
      highlightColor: *purple
      counterColor: *orange
      filterColor: *green
  views:
    table:
      fgColor: *foreground
      bgColor: *background
      cursorFgColor: *background
      cursorBgColor: *blue
      markColor: *amber
      header:
        fgColor: *foreground
        bgColor: *background
        sorterColor: *orange
    xray:
      fgColor: *foreground
      bgColor: *background
      cursorColor: *blue
      graphicColor: *amber
      showIcons: false
    yaml:
      keyColor: *navy
      colonColor: *muted
      valueColor: *foreground
    logs:
      fgColor: *foreground
      bgColor: *background
  help:
    fgColor: *foreground
    bgColor: *background
    sectionColor: *orange
    keyColor: *blue
    numKeyColor: *purple
"""##),
        ("monochrome", ##"""
# -----------------------------------------------------------------------------
# Switchboard monochrome skin (k9s skin format): no colour at all. Every colour
# is the terminal's own; Switchboard tells states apart with attributes instead
# (reverse cursor, bold headings and errors, dim terminating and completed rows).
# This is also what NO_COLOR gives.
# -----------------------------------------------------------------------------
k9s:
  body:
    fgColor: default
    bgColor: default
    logoColor: default
  prompt:
    fgColor: default
    bgColor: default
    suggestColor: default
  info:
    fgColor: default
    sectionColor: default
  dialog:
    fgColor: default
    bgColor: default
    buttonFgColor: default
    buttonBgColor: default
    buttonFocusFgColor: default
    buttonFocusBgColor: default
    labelFgColor: default
    fieldFgColor: default
  frame:
    border:
      fgColor: default
      focusColor: default
    menu:
      fgColor: default
      keyColor: default
      numKeyColor: default
    crumbs:
      fgColor: default
      bgColor: default
      activeColor: default
    status:
      newColor: default
      modifyColor: default
      addColor: default
      errorColor: default
      pendingColor: default
      highlightColor: default
      killColor: default
      completedColor: default
    title:
      fgColor: default
      bgColor: default
      highlightColor: default
      counterColor: default
      filterColor: default
  views:
    table:
      fgColor: default
      bgColor: default
      cursorFgColor: default
      cursorBgColor: default
      markColor: default
      header:
        fgColor: default
        bgColor: default
        sorterColor: default
    xray:
      fgColor: default
      bgColor: default
      cursorColor: default
      graphicColor: default
    yaml:
      keyColor: default
      colonColor: default
      valueColor: default
    logs:
      fgColor: default
      bgColor: default
  help:
    fgColor: default
    bgColor: default
    sectionColor: default
    keyColor: default
    numKeyColor: default
"""##),
    ]
}
