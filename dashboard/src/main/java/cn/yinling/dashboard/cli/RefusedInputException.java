package cn.yinling.dashboard.cli;

/** The user's input was refused; the message says in Chinese what to fix. Exit code 2. */
final class RefusedInputException extends RuntimeException {

    RefusedInputException(String message) {
        super(message);
    }
}
