# bash completion for scorewheel(1).
#
# Installed by `make install` as share/bash-completion/completions/scorewheel;
# or source this file from ~/.bashrc. Completes commands, each command's
# options, file names for paths and -o, and the ids of --interview and --level
# (and the other id-taking options) read from the rubric in use: the --rubric
# given on the command line, else $SCOREWHEEL_RUBRIC, else the installed one,
# as `scorewheel rubric --ids KIND` finds it.

_scorewheel_commands="validate new score report compare calibrate export kit rubric team wheel"
_scorewheel_global_opts="--rubric --jobs -j --quiet -q --help --version"

# The options of command $1, long forms (short ones complete too when typed).
_scorewheel_options()
{
    case $1 in
    validate)  echo "--quiet --help" ;;
    new)       echo "--interview --candidate --interviewer --level --name --output --force --help" ;;
    score)     echo "--interview --candidate --interviewer --level --name --output --force --help" ;;
    report)    echo "--level --format --keep-going --help" ;;
    compare)   echo "--level --sort --format --keep-going --help" ;;
    calibrate) echo "--format --keep-going --help" ;;
    export)    echo "--output --level --anonymize --sheets --keep-going --quiet --help" ;;
    kit)       echo "--interview --format --help" ;;
    rubric)    echo "--format --ids --help" ;;
    team)      echo "--members --bar --format --keep-going --help" ;;
    wheel)     echo "--candidate --level --output --keep-going --help" ;;
    esac
}

# The values option $2 of command $1 takes: "@files", "@dirs", "@ids KIND",
# "@none" (free text), a word list, or nothing when $2 takes no value.
_scorewheel_values()
{
    case $2 in
    --interview) echo "@ids interviews" ;;
    -l|--level) echo "@ids levels" ;;
    -o|--output) echo "@files" ;;
    -m|--members) echo "@files" ;;
    --ids) echo "pillars competencies levels interviews questions archetypes" ;;
    -s|--sort) echo "overall shortfall name" ;;
    -f|--format)
        case $1/$2 in
        new/-f|score/-f) ;;     # --force there
        rubric/*) echo "table json" ;;
        kit/*) echo "text md" ;;
        *) echo "table json csv csv-raw" ;;
        esac ;;
    -i) echo "@ids interviews" ;;
    -c|-r|-n|--candidate|--interviewer|--name|-b|--bar) echo "@none" ;;
    esac
}

# Sets COMPREPLY to the words of $1 that start with $2.
_scorewheel_words()
{
    local IFS=$' \t\n'
    COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_scorewheel_files()
{
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$1"))
}

_scorewheel()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]}
    local rubric="" command="" i=1 word
    COMPREPLY=()

    # Global options come before the command; --rubric FILE and -j N take a value.
    while [ $i -lt $COMP_CWORD ]; do
        word=${COMP_WORDS[i]}
        case $word in
        --rubric) rubric=${COMP_WORDS[i + 1]}; i=$((i + 1)) ;;
        --rubric=*) rubric=${word#--rubric=} ;;
        -j|--jobs) i=$((i + 1)) ;;
        -*) ;;
        *) command=$word; break ;;
        esac
        i=$((i + 1))
    done
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
        case $opt in
        --rubric) _scorewheel_files "$value"; return 0 ;;
        -j|--jobs) return 0 ;;
        esac
        if [[ $cur == -* ]]; then
            _scorewheel_words "$_scorewheel_global_opts" "$cur"
        else
            _scorewheel_words "$_scorewheel_commands" "$cur"
        fi
        return 0
    fi

    local values
    values=$(_scorewheel_values "$command" "$opt")
    case $values in
    "") ;;
    @none) return 0 ;;
    *)
        case $values in
        @files) _scorewheel_files "$value" ;;
        "@ids "*)
            local ids
            ids=$("$prog" ${rubric:+--rubric "$rubric"} rubric --ids "${values#@ids }" \
                  2>/dev/null)
            _scorewheel_words "$ids" "$value" ;;
        *) _scorewheel_words "$values" "$value" ;;
        esac
        if [ -n "$prefix" ]; then
            local k
            for k in "${!COMPREPLY[@]}"; do COMPREPLY[k]=$prefix${COMPREPLY[k]}; done
        fi
        return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        _scorewheel_words "$(_scorewheel_options "$command")" "$cur"
        return 0
    fi
    case $command in
    rubric|kit|new|score) ;;
    *) _scorewheel_files "$cur" ;;
    esac
    return 0
}

complete -F _scorewheel scorewheel
