package course.sockets;

/**
 * The numeric replies the chat server sends (RFC 2812, section 5). A numeric reply is
 * {@code :<server> <code> <target> <parameters>}, where the target is the client's
 * nickname, or {@code *} while it has none.
 */
public final class Numerics {
    private Numerics() {
    }

    /** {@code 001 <nick> :Welcome to the Internet Relay Network <nick>!<user>@<host>} */
    public static final String RPL_WELCOME = "001";
    /** {@code 002 <nick> :Your host is <servername>, running version <version>} */
    public static final String RPL_YOURHOST = "002";
    /** {@code 003 <nick> :This server was created <date>} */
    public static final String RPL_CREATED = "003";
    /** {@code 004 <nick> <servername> <version> <user modes> <channel modes>} */
    public static final String RPL_MYINFO = "004";
    /** {@code 331 <nick> <channel> :No topic is set} */
    public static final String RPL_NOTOPIC = "331";
    /** {@code 332 <nick> <channel> :<topic>} */
    public static final String RPL_TOPIC = "332";
    /** {@code 353 <nick> = <channel> :<nick> <nick> ...} (several lines when the names do not fit in one) */
    public static final String RPL_NAMREPLY = "353";
    /** {@code 366 <nick> <channel> :End of /NAMES list} */
    public static final String RPL_ENDOFNAMES = "366";

    /** {@code 401 <nick> <target> :No such nick/channel} */
    public static final String ERR_NOSUCHNICK = "401";
    /** {@code 403 <nick> <channel> :No such channel} */
    public static final String ERR_NOSUCHCHANNEL = "403";
    /** {@code 404 <nick> <channel> :Cannot send to channel} (the sender is not a member) */
    public static final String ERR_CANNOTSENDTOCHAN = "404";
    /** {@code 411 <nick> :No recipient given (PRIVMSG)} */
    public static final String ERR_NORECIPIENT = "411";
    /** {@code 412 <nick> :No text to send} */
    public static final String ERR_NOTEXTTOSEND = "412";
    /** {@code 421 <nick> <command> :Unknown command} */
    public static final String ERR_UNKNOWNCOMMAND = "421";
    /** {@code 431 <nick> :No nickname given} */
    public static final String ERR_NONICKNAMEGIVEN = "431";
    /** {@code 432 <nick> <bad nick> :Erroneous nickname} */
    public static final String ERR_ERRONEUSNICKNAME = "432";
    /** {@code 433 <nick> <taken nick> :Nickname is already in use} */
    public static final String ERR_NICKNAMEINUSE = "433";
    /** {@code 442 <nick> <channel> :You're not on that channel} */
    public static final String ERR_NOTONCHANNEL = "442";
    /** {@code 451 <nick> :You have not registered} */
    public static final String ERR_NOTREGISTERED = "451";
    /** {@code 461 <nick> <command> :Not enough parameters} */
    public static final String ERR_NEEDMOREPARAMS = "461";
    /** {@code 462 <nick> :You may not reregister} */
    public static final String ERR_ALREADYREGISTRED = "462";
}
