# bash completion for scorewheel(1).
#
# Installed by `make install` as share/bash-completion/completions/scorewheel;
# or source this file from ~/.bashrc. Completes commands, global options, each
# command's options and their values, and the commands' operands. Nothing is
# listed here: the program says what it takes, from the same tables that parse
# its command line and print its --help:
#
#   scorewheel --list-commands          NAME TAB SUMMARY, one command a line
#   scorewheel [COMMAND] --list-options --LONG TAB -L TAB ARG TAB COMPLETE,
#                                       "-" for none; then, for a command that
#                                       takes operands, NAME TAB - TAB - TAB
#                                       COMPLETE (a first field without a dash)
#
# COMPLETE is a word list, @files, @dirs or "@ids KIND": the ids of the rubric
# in use (the --rubric given on the command line, else $SCOREWHEEL_RUBRIC, else
# the installed one) as `scorewheel rubric --ids KIND` lists them. The lists
# are read once per shell session and program; the ids every time.

declare -gA _scorewheel_cache

# Sets _scorewheel_out to the output of "$@" (a list the program prints),
# asked once per session.
_scorewheel_ask()
{
    local key="$*"
    if [ -z "${_scorewheel_cache[$key]+set}" ]; then
        _scorewheel_cache[$key]=$("$@" 2>/dev/null)
    fi
    _scorewheel_out=${_scorewheel_cache[$key]}
}

# Sets _scorewheel_arg and _scorewheel_complete to the ARG and COMPLETE fields
# of option $2 (--long or -l) in table $1; returns 1 when it is not there.
_scorewheel_option()
{
    local long short arg complete
    while IFS=$'\t' read -r long short arg complete; do
        if [ "$long" = "$2" ] || { [ "$short" != - ] && [ "$short" = "$2" ]; }; then
            _scorewheel_arg=$arg _scorewheel_complete=$complete
            return 0
        fi
    done <<<"$1"
    return 1
}

# The option names of table $1, long and short.
_scorewheel_option_names()
{
    local long short arg complete
    while IFS=$'\t' read -r long short arg complete; do
        case $long in
        -*) printf '%s\n' "$long"
            [ "$short" != - ] && printf '%s\n' "$short" ;;
        esac
    done <<<"$1"
}

# The COMPLETE field of table $1's operand line, or "-" without one.
_scorewheel_operands()
{
    local name short arg complete
    while IFS=$'\t' read -r name short arg complete; do
        case $name in
        -* | "") ;;
        *) printf '%s\n' "$complete"; return ;;
        esac
    done <<<"$1"
    printf -- '-\n'
}

# Sets COMPREPLY to the words of $1 that start with $2.
_scorewheel_words()
{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

_scorewheel_files()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

# Completes $2 as COMPLETE $1 says; ids come from program $3 with rubric $4.
_scorewheel_value()
{
    case $1 in
    - | "") ;;
    @files) _scorewheel_files "$2" ;;
    @dirs)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$2") ;;
    "@ids "*)
        local ids
        ids=$("$3" ${4:+--rubric "$4"} rubric --ids "${1#@ids }" 2>/dev/null)
        _scorewheel_words "$ids" "$2" ;;
    *) _scorewheel_words "$1" "$2" ;;
    esac
}

_scorewheel()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]}
    local rubric="" command="" i=1 word globals table
    COMPREPLY=()
    _scorewheel_ask "$prog" --list-options
    globals=$_scorewheel_out

    # Global options come before the command; those with an ARG take the next
    # word unless given as --long=value.
    while [ "$i" -lt "$COMP_CWORD" ]; do
        word=${COMP_WORDS[i]}
        case $word in
        --) [ $((i + 1)) -lt "$COMP_CWORD" ] && command=${COMP_WORDS[i + 1]} i=$((i + 1)); break ;;
        --rubric=*) rubric=${word#--rubric=} ;;
        -*=*) ;;
        -*)
            if _scorewheel_option "$globals" "$word" && [ "$_scorewheel_arg" != - ]; then
                [ "$word" = --rubric ] && rubric=${COMP_WORDS[i + 1]}
                i=$((i + 1))
            fi ;;
        *) command=$word; break ;;
        esac
        i=$((i + 1))
    done
    # shellcheck disable=SC2088 # a literal "~/" typed on the command line
    case $rubric in
    "~/"*) rubric=$HOME/${rubric#"~/"} ;;
    esac

    # "--opt=value": complete the value; bash may split at "=".
    local opt="" value=$cur prefix=""
    if [ "$COMP_CWORD" -ge 2 ] && [ "$cur" = "=" ]; then
        opt=${COMP_WORDS[COMP_CWORD - 1]} value=""
    elif [ "$COMP_CWORD" -ge 3 ] && [ "${COMP_WORDS[COMP_CWORD - 1]}" = "=" ]; then
        opt=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        opt=${cur%%=*} value=${cur#*=} prefix=${cur%%=*}=
    elif [ "$COMP_CWORD" -ge 2 ]; then
        opt=${COMP_WORDS[COMP_CWORD - 1]}
    fi

    if [ -z "$command" ]; then
        table=$globals
    else
        _scorewheel_ask "$prog" "$command" --list-options
        table=$_scorewheel_out
        # After "--" every word is an operand.
        for ((i = i + 1; i < COMP_CWORD; i++)); do
            if [ "${COMP_WORDS[i]}" = -- ]; then
                _scorewheel_value "$(_scorewheel_operands "$table")" "$cur" "$prog" "$rubric"
                return 0
            fi
        done
    fi

    if [ -n "$opt" ] && [[ $opt == -* ]] && _scorewheel_option "$table" "$opt" &&
        [ "$_scorewheel_arg" != - ]; then
        _scorewheel_value "$_scorewheel_complete" "$value" "$prog" "$rubric"
        if [ -n "$prefix" ]; then
            local k
            for k in "${!COMPREPLY[@]}"; do COMPREPLY[k]=$prefix${COMPREPLY[k]}; done
        fi
        return 0
    fi

    if [[ $cur == -* ]]; then
        _scorewheel_words "$(_scorewheel_option_names "$table")" "$cur"
    elif [ -z "$command" ]; then
        _scorewheel_ask "$prog" --list-commands
        _scorewheel_words "$(cut -f1 <<<"$_scorewheel_out")" "$cur"
    else
        _scorewheel_value "$(_scorewheel_operands "$table")" "$cur" "$prog" "$rubric"
    fi
    return 0
}

complete -F _scorewheel scorewheel
