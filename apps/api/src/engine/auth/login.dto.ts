import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'school1', description: 'Username' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(/^[^\u0000]*$/, { message: 'username must not contain U+0000' })
  username!: string;

  @ApiProperty({ example: 'Zizhu@2026', description: 'Password' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}
